using System.Text.Json.Serialization;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Readiness;

public sealed record ShiftReadiness(
    Guid ShiftId, Guid EventId, string EventName, Guid VendorId, string VendorName, string Skill,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset ConfirmBy,
    int Required, int Assigned, int Confirmed, int ConfirmedAndTrained,
    double ShowRate, double ExpectedAttendance, double Probability, ReadinessStatus Status, IReadOnlyList<string> Reasons)
{
    /// <summary>The reasons as data, for the portal to word them in the reader's language.</summary>
    [JsonIgnore] public IReadOnlyList<ReadinessReason> Findings { get; init; } = [];

    /// <summary>The skill's id, for alerts that name it.</summary>
    [JsonIgnore] public Guid SkillId { get; init; }
}

/// <summary>All the shifts the filter matched (before the status filter and paging).</summary>
public sealed record ReadinessSummary(
    int Shifts, int Green, int Amber, int Red, int Required, int Assigned, int Confirmed, int ConfirmedAndTrained, double ExpectedAttendance);

public sealed record ReadinessPage(
    IReadOnlyList<ShiftReadiness> Items, int Page, int PageSize, int Total, ReadinessSummary Summary, ReadinessThresholds Thresholds);

/// <summary>The readiness list's filters: an event, a vendor, shifts in a time window (default: the next 30 days, or the whole event), a status.</summary>
public sealed record ReadinessFilter(
    Guid? EventId = null, Guid? VendorId = null, DateTimeOffset? From = null, DateTimeOffset? To = null, ReadinessStatus? Status = null);

/// <summary>
/// Readiness of scheduled shifts: required headcount against agents assigned, confirmed, and confirmed and trained for the
/// event and skill; the attendance to expect at the vendor's show rate and the chance it reaches the requirement; the
/// traffic light of <see cref="ReadinessRules.Assess"/>. Times in the tenant's zone. A vendor manager sees their own shifts.
/// </summary>
public sealed class ReadinessList(AppDbContext db, TimeProvider clock)
{
    /// <summary>Without an event, shifts starting this far ahead at most.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    public async Task<ReadinessPage> PageAsync(ReadinessFilter filter, PageRequest paging, CancellationToken ct) =>
        await PageAsync(await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == db.Scope!.TenantId, ct), filter, paging, withShowRates: true, ct);

    /// <summary>
    /// For a caller that has read the scope's tenant already (the alert scan). Without show rates, every vendor's is the
    /// default, so only the counts are to be relied on: the alert scan uses nothing else and saves the read.
    /// </summary>
    public async Task<ReadinessPage> PageAsync(Tenant tenant, ReadinessFilter filter, PageRequest paging, bool withShowRates, CancellationToken ct)
    {
        var zone = tenant.Zone;
        var thresholds = ReadinessThresholds.Of(tenant);
        var now = clock.GetUtcNow();
        if (filter.EventId is { } eventId && !await db.Events.AnyAsync(e => e.Id == eventId, ct)) throw new NotFound(Thing.Event);
        if (filter.VendorId is { } vendorId && !await db.Vendors.AnyAsync(v => v.Id == vendorId, ct)) throw new NotFound(Thing.Vendor);

        var from = filter.From ?? now;
        var to = filter.To ?? (filter.EventId is null ? now + DefaultWindow : null);
        var shifts = db.Shifts.AsNoTracking().Where(s => s.Status == ShiftStatus.Scheduled && s.EndsAt >= from);
        if (to is { } until) shifts = shifts.Where(s => s.StartsAt <= until);
        if (filter.EventId is { } onlyEvent) shifts = shifts.Where(s => s.EventId == onlyEvent);
        if (filter.VendorId is { } onlyVendor) shifts = shifts.Where(s => s.VendorId == onlyVendor);
        var rows = await shifts.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new
            {
                s.Id, s.EventId, s.VendorId, s.SkillId, s.StartsAt, s.EndsAt, s.Headcount,
                EventName = db.Events.Where(e => e.Id == s.EventId).Select(e => e.Name).Single(),
                VendorName = db.Vendors.Where(v => v.Id == s.VendorId).Select(v => v.Name).Single(),
                Skill = db.Skills.Where(k => k.Id == s.SkillId).Select(k => k.Code).Single(),
            })
            .ToListAsync(ct);

        var shiftIds = rows.Select(r => r.Id).ToList();
        var holds = shiftIds.Count == 0 ? [] : await db.Assignments.AsNoTracking()
            .Where(a => shiftIds.Contains(a.ShiftId)).Where(Assignment.HoldingAPlace)
            .Select(a => new { a.ShiftId, a.AgentId, a.Status })
            .ToListAsync(ct);
        var byShift = holds.ToLookup(a => a.ShiftId);
        var confirmedAgents = holds.Where(a => a.Status == AssignmentStatus.Confirmed).Select(a => a.AgentId).Distinct().ToList();
        var trained = await TrainingQueries.TrainedForAsync(db, confirmedAgents, now, tenant.TrainingValidityDays, ct);
        var showRates = withShowRates ? await ShowRatesAsync([.. rows.Select(r => r.VendorId).Distinct()], now, ct) : [];
        var deadline = TimeSpan.FromHours(tenant.ConfirmationDeadlineHours);

        var all = rows.Select(r =>
        {
            var skill = r.Skill;
            var agents = byShift[r.Id].ToList();
            var confirmed = agents.Where(a => a.Status == AssignmentStatus.Confirmed).ToList();
            // Trained at the shift's start: a pass that runs out before then does not help the shift.
            var confirmedAndTrained = confirmed.Count(a => TrainingQueries.IsTrainedFor(
                trained.GetValueOrDefault(a.AgentId)?.Where(t => t.ValidUntil > r.StartsAt).ToList(), r.EventId, skill));
            var showRate = showRates.GetValueOrDefault(r.VendorId, ReadinessRules.ShowRate(0, 0));
            var probability = ReadinessRules.ProbabilityOfReaching(r.Headcount, confirmed.Count, showRate);
            var confirmBy = r.StartsAt - deadline;
            var (status, reasons) = ReadinessRules.Assess(
                new ReadinessFigures(r.Headcount, agents.Count, confirmed.Count, confirmedAndTrained, probability, r.StartsAt, confirmBy, now), thresholds);
            return new ShiftReadiness(r.Id, r.EventId, r.EventName, r.VendorId, r.VendorName, skill,
                TenantTime.ToLocal(r.StartsAt, zone), TenantTime.ToLocal(r.EndsAt, zone), TenantTime.ToLocal(confirmBy, zone),
                r.Headcount, agents.Count, confirmed.Count, confirmedAndTrained,
                Math.Round(showRate, 4, MidpointRounding.AwayFromZero), Math.Round(confirmed.Count * showRate, 1, MidpointRounding.AwayFromZero),
                Math.Round(probability, 4, MidpointRounding.AwayFromZero), status, [.. reasons.Select(x => x.Text())])
            {
                Findings = reasons,
                SkillId = r.SkillId,
            };
        }).ToList();

        var summary = new ReadinessSummary(all.Count,
            all.Count(s => s.Status == ReadinessStatus.Green), all.Count(s => s.Status == ReadinessStatus.Amber), all.Count(s => s.Status == ReadinessStatus.Red),
            all.Sum(s => s.Required), all.Sum(s => s.Assigned), all.Sum(s => s.Confirmed), all.Sum(s => s.ConfirmedAndTrained),
            Math.Round(all.Sum(s => s.Confirmed * showRates.GetValueOrDefault(s.VendorId, ReadinessRules.ShowRate(0, 0))), 1, MidpointRounding.AwayFromZero));
        var matching = filter.Status is { } wanted ? all.Where(s => s.Status == wanted).ToList() : all;
        var items = matching.Skip((paging.Page - 1) * paging.PageSize).Take(paging.PageSize).ToList();
        return new ReadinessPage(items, paging.Page, paging.PageSize, matching.Count, summary, thresholds);
    }

    /// <summary>Each vendor's show rate from attendance recorded for confirmed agents on shifts that started in the history window.</summary>
    public async Task<Dictionary<Guid, double>> ShowRatesAsync(List<Guid> vendorIds, DateTimeOffset now, CancellationToken ct)
    {
        if (vendorIds.Count == 0) return [];
        var since = now - ReadinessRules.ShowRateHistory;
        var records = await db.Assignments.AsNoTracking()
            .Where(a => vendorIds.Contains(a.VendorId) && a.Status == AssignmentStatus.Confirmed && a.Attended != null
                && a.Shift!.Status == ShiftStatus.Scheduled && a.Shift.StartsAt >= since && a.Shift.StartsAt <= now)
            .GroupBy(a => new { a.VendorId, a.Attended })
            .Select(g => new { g.Key.VendorId, g.Key.Attended, Count = g.Count() })
            .ToListAsync(ct);
        return vendorIds.ToDictionary(id => id, id =>
        {
            var mine = records.Where(r => r.VendorId == id).ToList();
            return ReadinessRules.ShowRate(mine.Where(r => r.Attended == true).Sum(r => r.Count), mine.Sum(r => r.Count));
        });
    }
}
