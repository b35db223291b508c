using System.Text;

namespace VendorPortal.Web.Features.Shifts;

public sealed record ShiftCalendarFile(string FileName, byte[] Content)
{
    public const string ContentType = "text/calendar; charset=utf-8";
}

/// <summary>
/// Shifts as an iCalendar feed (RFC 5545) for calendar apps: a vendor manager gets their vendor's shifts, planners and
/// tenant admins every vendor's or one vendor's. It covers 30 days back to 180 days ahead; a shift cancelled within the
/// last 30 days stays in as CANCELLED so a subscribed calendar takes it off. Times are UTC; the description names the
/// tenant's local time and zone. Shared by the API and the portal's download.
/// </summary>
public sealed class ShiftCalendar(AppDbContext db, ShiftReads reads, TimeProvider clock)
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

        var query = db.Shifts.Where(s => s.EndsAt >= from && s.StartsAt <= to && (s.Status == ShiftStatus.Scheduled || s.UpdatedAt >= from));
        if (vendorId is { } only) query = query.Where(s => s.VendorId == only);
        var shifts = await reads.ShiftsAsync(query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id), ct);

        var name = vendorName is null ? $"Shifts · {tenant.Name}" : $"{vendorName} shifts · {tenant.Name}";
        var text = Write(name, shifts, tenant.TimeZone, showVendor: vendorName is null, now);
        return new ShiftCalendarFile($"shifts-{tenant.Slug}.ics", Encoding.UTF8.GetBytes(text));
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
    public static string Write(string calendarName, IEnumerable<ShiftResponse> shifts, string zoneId, bool showVendor, DateTimeOffset stamp)
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
        foreach (var s in shifts)
        {
            var cancelled = s.Status == ShiftStatus.Cancelled;
            var who = showVendor ? $" · {s.VendorName}" : "";
            var summary = $"{(cancelled ? "Cancelled: " : "")}{s.Skill} shift · {s.EventName}{who} ({s.Headcount} agents, {s.Confirmed} confirmed)";
            var description = string.Create(CultureInfo.InvariantCulture,
                $"Vendor: {s.VendorName}\nEvent: {s.EventName}\nSkill: {s.Skill}\n" +
                $"Local time: {s.StartsAt:yyyy-MM-dd HH:mm} to {s.EndsAt:yyyy-MM-dd HH:mm} ({zoneId})\n" +
                $"Headcount {s.Headcount}: {s.Assigned} assigned, {s.Confirmed} confirmed, {s.Declined} declined\n" +
                $"Confirm by {s.ConfirmBy:yyyy-MM-dd HH:mm}") + (cancelled ? $"\nCancelled: {s.CancelReason}" : "");
            Line(ics, "BEGIN:VEVENT");
            Line(ics, $"UID:{s.Id}@vendorportal");
            Line(ics, "DTSTAMP:" + Utc(stamp));
            Line(ics, "DTSTART:" + Utc(s.StartsAt));
            Line(ics, "DTEND:" + Utc(s.EndsAt));
            Line(ics, "SUMMARY:" + Escape(summary));
            Line(ics, "DESCRIPTION:" + Escape(description));
            Line(ics, "STATUS:" + (cancelled ? "CANCELLED" : "CONFIRMED"));
            Line(ics, "SEQUENCE:" + (cancelled ? "1" : "0"));
            Line(ics, "TRANSP:OPAQUE");
            Line(ics, "END:VEVENT");
        }
        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    /// <summary>A TEXT value (RFC 5545 3.3.11): backslash, semicolon, comma and line breaks escaped; other control characters dropped.</summary>
    public static string Escape(string value)
    {
        var text = new StringBuilder(value.Length + 8);
        var normalised = value.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n');
        foreach (var c in normalised)
        {
            switch (c)
            {
                case '\\': text.Append(@"\\"); break;
                case ';': text.Append(@"\;"); break;
                case ',': text.Append(@"\,"); break;
                case '\n': text.Append(@"\n"); break;
                case '\t': text.Append(c); break;
                case < ' ' or '\u007f': break;
                default: text.Append(c); break;
            }
        }
        return text.ToString();
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
