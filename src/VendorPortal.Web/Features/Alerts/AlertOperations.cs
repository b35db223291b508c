using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Notifications;
using VendorPortal.Web.Features.Readiness;

namespace VendorPortal.Web.Features.Alerts;

public sealed record AlertResponse(
    Guid Id, AlertKind Kind, Guid VendorId, string VendorName, Guid? ShiftId, Guid? SkillId, string? Skill, Guid? EventId, string? EventName,
    DateTimeOffset? ShiftStartsAt, int? LeadHours, int Actual, int Needed, string Message,
    DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

/// <summary>
/// Raises readiness alerts from the readiness figures and the reserve pool, and lets the people who can act acknowledge
/// them. A vendor manager sees and acknowledges their own vendor's alerts only (the vendor filter).
/// </summary>
public sealed class AlertOperations(AppDbContext db, TenantJobScope job, ReadinessList readiness, PoolDepth pool, Notifier notifier, Webhooks.WebhookOutbox webhooks, TimeProvider clock)
{
    /// <summary>
    /// One pass over the tenant in the current scope: for each scheduled shift not yet started, the latest alert lead time
    /// that has passed raises ConfirmationsShort and TrainingShort when the figures fall short of the tenant's shares; a
    /// passed confirm-by time with fewer confirmed than required raises ConfirmationsOverdue once; a vendor's trained
    /// reserve below target for a skill raises PoolShallow, at most once a (tenant-local) day and never while one is open.
    /// Every alert has a key unique per tenant, so a second pass raises nothing twice. Returns the alerts raised.
    /// </summary>
    public async Task<IReadOnlyList<Alert>> EvaluateAsync(CancellationToken ct)
    {
        var tenant = job.Tenant ?? await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == db.Scope!.TenantId, ct);
        var zone = tenant.Zone;
        var thresholds = ReadinessThresholds.Of(tenant);
        var now = clock.GetUtcNow();
        var leads = tenant.AlertLeadHours.Where(h => h > 0).Distinct().Order().ToList();
        var horizon = TimeSpan.FromHours(Math.Max(leads.DefaultIfEmpty(0).Max(), tenant.ConfirmationDeadlineHours));
        var shifts = (await readiness.PageAsync(tenant, new ReadinessFilter(From: now, To: now + horizon), new Everything(), withShowRates: false, ct)).Items
            .Where(s => s.StartsAt > now).ToList();

        var shiftIds = shifts.Select(s => s.ShiftId).ToList();
        var existing = (await db.Alerts.AsNoTracking()
                .Where(a => (a.ShiftId != null && shiftIds.Contains(a.ShiftId.Value)) || a.Kind == AlertKind.PoolShallow)
                .Select(a => new { a.Key, a.Kind, a.VendorId, a.SkillId, a.AcknowledgedAt })
                .ToListAsync(ct));
        var keys = existing.Select(a => a.Key).ToHashSet(StringComparer.Ordinal);
        var raised = new List<(Alert Alert, AlertAbout About)>();

        void Raise(Alert alert, AlertAbout about)
        {
            if (keys.Add(alert.Key)) raised.Add((alert, about));
        }

        foreach (var s in shifts)
        {
            var about = new AlertAbout(s.VendorName, s.Skill, s.EventName, s.StartsAt, zone.Id);
            var place = Invariant($"{s.VendorName}, {s.Skill} shift of {s.EventName} at {s.StartsAt:yyyy-MM-dd HH:mm} ({zone.Id})");
            Alert ForShift(AlertKind kind, int? lead, int actual, int needed, string what) => new()
            {
                VendorId = s.VendorId, Kind = kind, ShiftId = s.ShiftId, SkillId = s.SkillId, LeadHours = lead,
                Key = lead is { } hours ? Invariant($"{kind}:{s.ShiftId}:{hours}") : Invariant($"{kind}:{s.ShiftId}"),
                Actual = actual, Needed = needed,
                Message = lead is { } h ? Invariant($"{place}, {h} h ahead: {what}.") : Invariant($"{place}: {what}."),
            };

            // Only the latest lead time that has passed: a first pass 40 h before a shift raises the 48 h alert, not the 72 h one too.
            var ahead = s.StartsAt - now;
            if (leads.FirstOrDefault(h => TimeSpan.FromHours(h) >= ahead) is var lead and > 0)
            {
                var confirmedNeeded = thresholds.ConfirmedNeeded(s.Required);
                if (s.Confirmed < confirmedNeeded)
                    Raise(ForShift(AlertKind.ConfirmationsShort, lead, s.Confirmed, confirmedNeeded,
                        Invariant($"{s.Confirmed} of {confirmedNeeded} needed agents confirmed")), about);
                var trainedNeeded = thresholds.TrainedNeeded(s.Required);
                if (s.ConfirmedAndTrained < trainedNeeded)
                    Raise(ForShift(AlertKind.TrainingShort, lead, s.ConfirmedAndTrained, trainedNeeded,
                        Invariant($"{s.ConfirmedAndTrained} of {trainedNeeded} needed agents confirmed and trained")), about);
            }
            if (now > s.ConfirmBy && s.Confirmed < s.Required)
                Raise(ForShift(AlertKind.ConfirmationsOverdue, null, s.Confirmed, s.Required,
                    Invariant($"confirm-by time passed with {s.Confirmed} of {s.Required} agents confirmed")), about);
        }

        var today = DateOnly.FromDateTime(TenantTime.ToLocal(now, zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var openPools = existing.Where(a => a.Kind == AlertKind.PoolShallow && a.AcknowledgedAt == null).Select(a => (a.VendorId, a.SkillId)).ToHashSet();
        foreach (var row in (await pool.ShortAsync(tenant, ct)).Where(r => !openPools.Contains((r.VendorId, r.SkillId))))
            Raise(new Alert
            {
                VendorId = row.VendorId, Kind = AlertKind.PoolShallow, SkillId = row.SkillId,
                Key = Invariant($"{AlertKind.PoolShallow}:{row.VendorId}:{row.SkillId}:{today}"),
                Actual = row.TrainedAgents, Needed = row.Target,
                Message = Invariant($"{row.VendorName}, {row.SkillCode} reserve pool: {row.TrainedAgents} trained reserve agents against a target of {row.Target} ({row.ReserveRatio:0.##} × peak {row.PeakHeadcount})."),
            }, new AlertAbout(row.VendorName, row.SkillCode, null, null, zone.Id));

        if (raised.Count == 0) return [];
        db.Alerts.AddRange(raised.Select(r => r.Alert));
        await notifier.AlertsRaisedAsync(raised, ct);
        foreach (var (alert, _) in raised) await webhooks.RaiseAlertAsync(Webhooks.WebhookEvents.AlertRaised, alert, ct);
        await db.SaveChangesAsync(ct);
        notifier.Dispatch(tenant.Id);
        return [.. raised.Select(r => r.Alert)];
    }

    /// <summary>Open alerts in the current scope (a vendor manager's: their vendor's), for the navigation badge.</summary>
    public Task<int> OpenCountAsync(CancellationToken ct) => db.Alerts.CountAsync(a => a.AcknowledgedAt == null, ct);

    /// <summary>Marks the alert seen; acknowledging it again changes nothing. Another vendor's alert is not found.</summary>
    public async Task<AlertResponse> AcknowledgeAsync(Guid id, CancellationToken ct)
    {
        var alert = await db.Alerts.SingleOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFound(Thing.Alert);
        if (alert.AcknowledgedAt is null)
        {
            alert.AcknowledgedAt = clock.GetUtcNow();
            alert.AcknowledgedBy = db.Scope!.ActorName;
            await db.SaveChangesAsync(ct);
        }
        return (await DescribeAsync([alert], ct)).Single();
    }

    /// <summary>The alerts with their vendor, skill and shift named, times in the tenant's zone.</summary>
    public async Task<List<AlertResponse>> DescribeAsync(IReadOnlyList<Alert> alerts, CancellationToken ct)
    {
        var tz = await db.TenantZoneAsync(ct);
        var vendorIds = alerts.Select(a => a.VendorId).Distinct().ToList();
        var vendors = await db.Vendors.AsNoTracking().Where(v => vendorIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var shiftIds = alerts.Where(a => a.ShiftId != null).Select(a => a.ShiftId!.Value).Distinct().ToList();
        var shifts = await db.Shifts.AsNoTracking().Where(s => shiftIds.Contains(s.Id))
            .Select(s => new { s.Id, s.EventId, s.StartsAt, EventName = db.Events.Where(e => e.Id == s.EventId).Select(e => e.Name).Single() })
            .ToDictionaryAsync(s => s.Id, ct);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        return [.. alerts.Select(a =>
        {
            var shift = a.ShiftId is { } shiftId ? shifts.GetValueOrDefault(shiftId) : null;
            return new AlertResponse(a.Id, a.Kind, a.VendorId, vendors.GetValueOrDefault(a.VendorId, "?"), a.ShiftId, a.SkillId,
                a.SkillId is { } skillId ? codes.GetValueOrDefault(skillId) : null, shift?.EventId, shift?.EventName,
                shift is null ? null : TenantTime.ToLocal(shift.StartsAt, tz), a.LeadHours, a.Actual, a.Needed, a.Message,
                TenantTime.ToLocal(a.CreatedAt, tz), a.AcknowledgedAt is { } at ? TenantTime.ToLocal(at, tz) : null, a.AcknowledgedBy);
        })];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every matching shift on one page: the evaluation reads them all.</summary>
    private sealed class Everything : PageRequest
    {
        public Everything() => PageSize = int.MaxValue;
    }
}

/// <summary>What an alert is about, for the e-mails: the vendor, skill and, for a shift, its event and local start.</summary>
public sealed record AlertAbout(string VendorName, string Skill, string? EventName, DateTimeOffset? StartsAt, string Zone);
