using System.Text;

namespace VendorPortal.Web.Features.Shifts;

public sealed record ShiftCalendarFile(string FileName, byte[] Content)
{
    public const string ContentType = "text/calendar; charset=utf-8";
}

/// <summary>
/// Shifts as an iCalendar feed (RFC 5545) for calendar apps: a vendor manager gets their vendor's shifts, planners and
/// tenant admins every vendor's or one vendor's. It covers 30 days back to 180 days ahead; a cancelled shift stays in as
/// CANCELLED as long as past shifts do, so a subscribed calendar takes it off. Each event's SEQUENCE is the shift's, raised
/// on every move and cancellation, so calendar apps replace their copy. Times are UTC; the description names the tenant's
/// local time and zone. Texts are in the current UI language (the caller's, or the address owner's for a subscription).
/// Shared by the API and the portal's download.
/// </summary>
public sealed class ShiftCalendar(AppDbContext db, ShiftReads reads, IStringLocalizer<SharedResource> text, TimeProvider clock)
{
    public static readonly TimeSpan Back = TimeSpan.FromDays(30);
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(180);
    private const int MaxOctets = 75;

    public async Task<ShiftCalendarFile> ForAsync(Guid? vendorId, CancellationToken ct)
    {
        var scope = db.Scope!;
        var now = clock.GetUtcNow();
        var from = now - Back;
        var to = now + Ahead;
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == scope.TenantId).Select(t => new { t.Name, t.Slug, t.TimeZone }).SingleAsync(ct);
        var oneVendor = vendorId ?? scope.VendorId;
        string? vendorName = null;
        if (oneVendor is { } id)
            vendorName = await db.Vendors.AsNoTracking().Where(v => v.Id == id).Select(v => v.Name).SingleOrDefaultAsync(ct) ?? throw new NotFound(Thing.Vendor);

        var query = db.Shifts.Where(s => s.EndsAt >= from && s.StartsAt <= to);
        if (vendorId is { } only) query = query.Where(s => s.VendorId == only);
        var ordered = query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id);
        var shifts = await reads.ShiftsAsync(ordered, ct);
        var sequences = await ordered.Select(s => new { s.Id, s.Sequence }).ToDictionaryAsync(s => s.Id, s => s.Sequence, ct);

        var name = vendorName is null ? text["Shifts · {0}", tenant.Name] : text["{0} shifts · {1}", vendorName, tenant.Name];
        var ics = Write(name, shifts.Select(s => (s, sequences[s.Id])), tenant.TimeZone, showVendor: vendorName is null, now);
        return new ShiftCalendarFile($"shifts-{tenant.Slug}.ics", Encoding.UTF8.GetBytes(ics));
    }

    /// <summary>
    /// A new private subscription address for the signed-in member (the token goes after /api/calendar/ and before .ics);
    /// any earlier one of theirs in this tenant stops working.
    /// </summary>
    public async Task<string> NewLinkAsync(CancellationToken ct)
    {
        var scope = db.Scope!;
        var userId = scope.UserId ?? throw RuleViolation.Conflict("userId", ShiftRules.CalendarNeedsPerson);
        var now = clock.GetUtcNow();
        // Tracked, not a bulk update: a member holds at most one live link, and each revocation is audited like any change.
        foreach (var old in await db.CalendarLinks.Where(l => l.UserId == userId && l.RevokedAt == null).ToListAsync(ct))
            old.RevokedAt = now;
        var (plain, prefix, hash) = SecretToken.Generate(CalendarLink.Marker);
        db.CalendarLinks.Add(new CalendarLink { UserId = userId, Prefix = prefix, SecretHash = hash });
        await db.SaveChangesAsync(ct);
        return plain;
    }

    /// <summary>The calendar text: CRLF line ends, lines folded at 75 octets, TEXT values escaped.</summary>
    private string Write(string calendarName, IEnumerable<(ShiftResponse Shift, int Sequence)> shifts, string zoneId, bool showVendor, DateTimeOffset stamp)
    {
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//VendorPortal//Shifts//EN");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, "METHOD:PUBLISH");
        Line(ics, "X-WR-CALNAME:" + Escape(calendarName));
        Line(ics, "REFRESH-INTERVAL;VALUE=DURATION:PT1H");
        Line(ics, "X-PUBLISHED-TTL:PT1H");
        foreach (var (s, sequence) in shifts)
        {
            var cancelled = s.Status == ShiftStatus.Cancelled;
            var who = showVendor ? $" · {s.VendorName}" : "";
            string summary = text["{0} shift · {1}{2} ({3} agents, {4} confirmed)", s.Skill, s.EventName, who, s.Headcount, s.Confirmed];
            if (cancelled) summary = text["Cancelled: {0}", summary];
            var description = string.Join('\n',
                text["Vendor: {0}", s.VendorName], text["Event: {0}", s.EventName], text["Skill: {0}", s.Skill],
                text["Local time: {0:yyyy-MM-dd HH:mm} to {1:yyyy-MM-dd HH:mm} ({2})", s.StartsAt, s.EndsAt, zoneId],
                text["Headcount {0}: {1} assigned, {2} confirmed, {3} declined", s.Headcount, s.Assigned, s.Confirmed, s.Declined],
                text["Confirm by {0:yyyy-MM-dd HH:mm}", s.ConfirmBy]) + (cancelled ? "\n" + text["Cancelled: {0}", s.CancelReason ?? "-"] : "");
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:{s.Id}@vendorportal");
            Line(ics, "DTSTAMP:" + Utc(stamp));
            Line(ics, "DTSTART:" + Utc(s.StartsAt));
            Line(ics, "DTEND:" + Utc(s.EndsAt));
            Line(ics, "SUMMARY:" + Escape(summary));
            Line(ics, "DESCRIPTION:" + Escape(description));
            Line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(ics, "SEQUENCE:" + sequence.ToString(CultureInfo.InvariantCulture));
            Line(ics, "TRANSP:OPAQUE");
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped.</summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        var normalised = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var c in normalised)
        {
            switch (c)
            {
                case '\\': escaped.Append(@"\\"); break;
                case ';': escaped.Append(@"\;"); break;
                case ',': escaped.Append(@"\,"); break;
                case '\n': escaped.Append(@"\n"); break;
                case '\t': escaped.Append(c); break;
                case < ' ' or '\u007f': break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }

    private static string Utc(DateTimeOffset at) => at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>Writes a content line folded at 75 octets (a continuation starts with one space), never inside a UTF-8 sequence.</summary>
    private static void Line(StringBuilder ics, string content)
    {
        var octets = 0;
        foreach (var rune in content.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxOctets)
            {
                ics.Append("\r\n ");
                octets = 1;
            }
            ics.Append(rune.ToString());
            octets += size;
        }
        ics.Append("\r\n");
    }
}
