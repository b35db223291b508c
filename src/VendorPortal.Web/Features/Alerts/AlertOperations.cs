using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Notifications;
using VendorPortal.Web.Features.Readiness;

namespace VendorPortal.Web.Features.Alerts;

public sealed record AlertResponse(
    Guid Id, AlertKind Kind, Guid VendorId, string VendorName, Guid? ShiftId, Guid? SkillId, string? Skill, Guid? EventId, string? EventName,
    DateTimeOffset? ShiftStartsAt, int? LeadHours, int Actual, int Needed, string Message,
    DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy, DateTimeOffset? ResolvedAt, DateTimeOffset? EscalatedAt);

/// <summary>What one scan changed: alerts raised (new or reopened), resolved, and escalated to the tenant's admins.</summary>
public sealed record AlertScan(IReadOnlyList<Alert> Raised, IReadOnlyList<Alert> Resolved, IReadOnlyList<Alert> Escalated)
{
    public bool Changed => Raised.Count + Resolved.Count + Escalated.Count > 0;
}

/// <summary>
/// Raises readiness alerts from the readiness figures and the reserve pool, resolves them when their condition is gone,
/// escalates the urgent ones nobody acknowledged, and lets the people who can act acknowledge them. A vendor manager
/// sees and acknowledges their own vendor's alerts only (the vendor filter).
/// </summary>
public sealed class AlertOperations(AppDbContext db, TenantJobScope job, ReadinessList readiness, PoolDepth pool, Notifier notifier, Webhooks.WebhookOutbox webhooks, TimeProvider clock)
{
    /// <summary>The kind whose deadline has passed: the vendor missed the confirm-by time and the shift is near.</summary>
    public const AlertKind Escalates = AlertKind.ConfirmationsOverdue;

    /// <summary>
    /// One pass over the tenant in the current scope, run by the recurring job and by a planner's "run the scan now":
    /// <list type="number">
    /// <item>Raise: for each scheduled shift not yet started, the latest alert lead time that has passed raises
    /// ConfirmationsShort and TrainingShort when the figures fall short of the tenant's shares; a passed confirm-by time
    /// with fewer confirmed than required raises ConfirmationsOverdue; a vendor's trained reserve below target for a skill
    /// raises PoolShallow, at most once a (tenant-local) day and never while one is open. Keys are unique per tenant: a
    /// key already raised is not raised again while unresolved; a resolved one whose condition is back is reopened (raised
    /// again, unacknowledged, with today's figures, and mailed again), since the shortfall is news again.</item>
    /// <item>Resolve: an unresolved alert whose condition no longer holds, judged by the same rule that raised it with
    /// today's figures and settings, is resolved: its shift was cancelled, has ended, moved out of its lead time or
    /// before its confirm-by time, or has the agents it needs; its vendor's pool for the skill is back on target.
    /// Acknowledged alerts resolve too. A shift that has started keeps its alerts while it still falls short.</item>
    /// <item>Escalate: an open (unacknowledged, unresolved) <see cref="Escalates"/> alert raised at least the tenant's
    /// AlertEscalationMinutes ago (0: never) is e-mailed to the tenant's admins, once: EscalatedAt records it.</item>
    /// </list>
    /// A second pass at the same moment changes nothing. Everything a pass changes, its e-mails included, is one save; a
    /// concurrent pass that changed the same alert first makes this save fail on the alert's version, writing nothing.
    /// </summary>
    public async Task<AlertScan> EvaluateAsync(CancellationToken ct)
    {
        var tenant = job.Tenant ?? await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == db.Scope!.TenantId, ct);
        var zone = tenant.Zone;
        var thresholds = ReadinessThresholds.Of(tenant);
        var now = clock.GetUtcNow();
        var leads = tenant.AlertLeadHours.Where(h => h > 0).Distinct().Order().ToList();
        var horizon = TimeSpan.FromHours(Math.Max(leads.DefaultIfEmpty(0).Max(), tenant.ConfirmationDeadlineHours));
        // Scheduled shifts not ended and starting within the horizon: those not yet started may raise alerts, and any of
        // them may keep one. A shift outside this list is cancelled, ended or too far ahead for any alert to hold.
        var current = (await readiness.PageAsync(tenant, new ReadinessFilter(From: now, To: now + horizon), new Everything(), withShowRates: false, ct)).Items
            .ToDictionary(s => s.ShiftId);
        var shortPools = (await pool.ShortAsync(tenant, ct)).ToDictionary(r => (r.VendorId, (Guid?)r.SkillId));

        var today = DateOnly.FromDateTime(TenantTime.ToLocal(now, zone).DateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        // Every unresolved alert (it may resolve), and every alert that could be raised again by key (it may reopen).
        var shiftIds = current.Keys.ToList();
        var todaysPools = Invariant($"{AlertKind.PoolShallow}:%:{today}");
        var alerts = await db.Alerts
            .Where(a => a.ResolvedAt == null || (a.ShiftId != null && shiftIds.Contains(a.ShiftId.Value))
                || (a.Kind == AlertKind.PoolShallow && EF.Functions.Like(a.Key, todaysPools)))
            .ToListAsync(ct);
        var byKey = alerts.ToDictionary(a => a.Key, StringComparer.Ordinal);
        var raised = new List<(Alert Alert, AlertAbout About)>();

        void Raise(Alert alert, AlertAbout about)
        {
            if (byKey.TryGetValue(alert.Key, out var known))
            {
                if (known.ResolvedAt is null) return;
                known.Actual = alert.Actual;
                known.Needed = alert.Needed;
                known.Message = alert.Message;
                known.CreatedAt = now;
                known.ResolvedAt = null;
                known.AcknowledgedAt = null;
                known.AcknowledgedBy = null;
                known.EscalatedAt = null;
                raised.Add((known, about));
                return;
            }
            alert.CreatedAt = now;
            byKey.Add(alert.Key, alert);
            db.Alerts.Add(alert);
            raised.Add((alert, about));
        }

        foreach (var s in current.Values.Where(s => s.StartsAt > now))
        {
            var about = About(s, zone);
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
            if (Overdue(s))
                Raise(ForShift(AlertKind.ConfirmationsOverdue, null, s.Confirmed, s.Required,
                    Invariant($"confirm-by time passed with {s.Confirmed} of {s.Required} agents confirmed")), about);
        }

        var openPools = alerts.Where(a => a.Kind == AlertKind.PoolShallow && a.AcknowledgedAt == null && a.ResolvedAt == null)
            .Select(a => (a.VendorId, a.SkillId)).ToHashSet();
        foreach (var row in shortPools.Values.Where(r => !openPools.Contains((r.VendorId, r.SkillId))))
            Raise(new Alert
            {
                VendorId = row.VendorId, Kind = AlertKind.PoolShallow, SkillId = row.SkillId,
                Key = Invariant($"{AlertKind.PoolShallow}:{row.VendorId}:{row.SkillId}:{today}"),
                Actual = row.TrainedAgents, Needed = row.Target,
                Message = Invariant($"{row.VendorName}, {row.SkillCode} reserve pool: {row.TrainedAgents} trained reserve agents against a target of {row.Target} ({row.ReserveRatio:0.##} × peak {row.PeakHeadcount})."),
            }, new AlertAbout(row.VendorName, row.SkillCode, null, null, zone.Id));

        var resolved = alerts.Where(a => a.ResolvedAt == null && !Holds(a)).ToList();
        foreach (var a in resolved) a.ResolvedAt = now;

        var escalated = tenant.AlertEscalationMinutes <= 0 ? [] : alerts
            .Where(a => a.Kind == Escalates && a.AcknowledgedAt == null && a.ResolvedAt == null && a.EscalatedAt == null
                && now - a.CreatedAt >= TimeSpan.FromMinutes(tenant.AlertEscalationMinutes))
            .ToList();
        foreach (var a in escalated) a.EscalatedAt = now;

        var scan = new AlertScan([.. raised.Select(r => r.Alert)], resolved, escalated);
        if (!scan.Changed) return scan;
        await notifier.AlertsRaisedAsync(raised, ct);
        await notifier.AlertsEscalatedAsync([.. escalated.Select(a => (a, About(current[a.ShiftId!.Value], zone)))], tenant.AlertEscalationMinutes, ct);
        await webhooks.RaiseAlertsAsync(Webhooks.WebhookEvents.AlertRaised, scan.Raised, ct);
        await webhooks.RaiseAlertsAsync(Webhooks.WebhookEvents.AlertResolved, scan.Resolved, ct);
        await webhooks.RaiseAlertsAsync(Webhooks.WebhookEvents.AlertEscalated, scan.Escalated, ct);
        await db.SaveChangesAsync(ct);
        notifier.Dispatch(tenant.Id);
        return scan;

        bool Overdue(ShiftReadiness s) => now > s.ConfirmBy && s.Confirmed < s.Required;

        // The rule that raised the alert, with today's figures and settings.
        bool Holds(Alert a)
        {
            if (a.Kind == AlertKind.PoolShallow) return shortPools.ContainsKey((a.VendorId, a.SkillId));
            if (a.ShiftId is not { } shiftId || !current.TryGetValue(shiftId, out var s)) return false;
            var withinLead = a.LeadHours is { } hours && s.StartsAt - now <= TimeSpan.FromHours(hours);
            return a.Kind switch
            {
                AlertKind.ConfirmationsShort => withinLead && s.Confirmed < thresholds.ConfirmedNeeded(s.Required),
                AlertKind.TrainingShort => withinLead && s.ConfirmedAndTrained < thresholds.TrainedNeeded(s.Required),
                _ => Overdue(s),
            };
        }
    }

    /// <summary>Open alerts in the current scope (a vendor manager's: their vendor's), for the navigation badge.</summary>
    public Task<int> OpenCountAsync(CancellationToken ct) => db.Alerts.CountAsync(Alert.IsOpen, ct);

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
        DateTimeOffset? Local(DateTimeOffset? at) => at is { } instant ? TenantTime.ToLocal(instant, tz) : null;
        return [.. alerts.Select(a =>
        {
            var shift = a.ShiftId is { } shiftId ? shifts.GetValueOrDefault(shiftId) : null;
            return new AlertResponse(a.Id, a.Kind, a.VendorId, vendors.GetValueOrDefault(a.VendorId, "?"), a.ShiftId, a.SkillId,
                a.SkillId is { } skillId ? codes.GetValueOrDefault(skillId) : null, shift?.EventId, shift?.EventName,
                shift is null ? null : TenantTime.ToLocal(shift.StartsAt, tz), a.LeadHours, a.Actual, a.Needed, a.Message,
                TenantTime.ToLocal(a.CreatedAt, tz), Local(a.AcknowledgedAt), a.AcknowledgedBy, Local(a.ResolvedAt), Local(a.EscalatedAt));
        })];
    }

    private static AlertAbout About(ShiftReadiness s, TimeZoneInfo zone) => new(s.VendorName, s.Skill, s.EventName, s.StartsAt, zone.Id);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Every matching shift on one page: the evaluation reads them all.</summary>
    private sealed class Everything : PageRequest
    {
        public Everything() => PageSize = int.MaxValue;
    }
}

/// <summary>What an alert is about, for the e-mails: the vendor, skill and, for a shift, its event and local start.</summary>
public sealed record AlertAbout(string VendorName, string Skill, string? EventName, DateTimeOffset? StartsAt, string Zone);
