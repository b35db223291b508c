using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Staffing;

namespace VendorPortal.Web.Features.Events;

public sealed class EventInput
{
    public string Name { get; set; } = "";
    /// <summary>First day of the promotion, tenant local, e.g. 2026-12-12.</summary>
    public DateOnly StartDate { get; set; }
    /// <summary>Last day of the promotion (inclusive), tenant local.</summary>
    public DateOnly EndDate { get; set; }
    public string? Description { get; set; }
    public EventStatus Status { get; set; } = EventStatus.Planning;
    /// <summary>Forecast interval length: 15, 30 or 60 minutes.</summary>
    public int IntervalMinutes { get; set; } = 30;
    /// <summary>Share of contacts to answer within the target time, e.g. 0.8.</summary>
    public double ServiceLevel { get; set; } = 0.8;
    public double TargetSeconds { get; set; } = 20;
    /// <summary>Share of paid time agents are not available (breaks, training, absence), e.g. 0.3.</summary>
    public double Shrinkage { get; set; }
    public double MaxOccupancy { get; set; } = 1;
    /// <summary>ErlangC (nobody hangs up, the default) or ErlangA (callers abandon after patienceSeconds on average).</summary>
    public StaffingModel StaffingModel { get; set; } = StaffingModel.ErlangC;
    /// <summary>Callers' average patience in seconds (exponential): required with ErlangA, ignored with ErlangC.</summary>
    public double? PatienceSeconds { get; set; }

    /// <summary>The form's starting values for editing an event, its staffing model included.</summary>
    public static EventInput From(EventResponse e) => new()
    {
        Name = e.Name, StartDate = e.StartDate, EndDate = e.EndDate, Description = e.Description, Status = e.Status,
        IntervalMinutes = e.IntervalMinutes, ServiceLevel = e.ServiceLevel, TargetSeconds = e.TargetSeconds,
        Shrinkage = e.Shrinkage, MaxOccupancy = e.MaxOccupancy, StaffingModel = e.StaffingModel, PatienceSeconds = e.PatienceSeconds,
    };
}

public sealed class EventInputValidator : Validator<EventInput>
{
    public const int MaxDays = 62;
    private const string PatienceRange = "Patience is more than 0 and at most 86400 seconds.";

    public EventInputValidator()
    {
        RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
        RuleFor(x => x.StartDate).NotEmpty();
        RuleFor(x => x.EndDate).NotEmpty().GreaterThanOrEqualTo(x => x.StartDate).WithMessage("The event must end on or after its first day.");
        RuleFor(x => x).Must(x => x.EndDate.DayNumber - x.StartDate.DayNumber < MaxDays)
            .WithName("endDate").WithMessage($"An event lasts at most {MaxDays} days.");
        RuleFor(x => x.Description).MaximumLength(2000);
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.IntervalMinutes).Must(m => m is 15 or 30 or 60).WithMessage("Use 15, 30 or 60-minute intervals.");
        RuleFor(x => x.ServiceLevel).GreaterThan(0).LessThan(1);
        RuleFor(x => x.TargetSeconds).GreaterThanOrEqualTo(0).LessThanOrEqualTo(3600);
        RuleFor(x => x.Shrinkage).GreaterThanOrEqualTo(0).LessThanOrEqualTo(0.9);
        RuleFor(x => x.MaxOccupancy).GreaterThan(0).LessThanOrEqualTo(1);
        RuleFor(x => x.StaffingModel).IsInEnum();
        // Ignored with Erlang C, but never an overflowing number (1e400 reads as Infinity): refused whatever the model.
        RuleFor(x => x.PatienceSeconds).Must(p => p is null || double.IsFinite(p.Value)).WithMessage(PatienceRange);
        When(x => x.StaffingModel == StaffingModel.ErlangA, () =>
        {
            RuleFor(x => x.PatienceSeconds).NotNull().WithMessage("Erlang A needs the callers' average patience in seconds.");
            RuleFor(x => x.PatienceSeconds)
                .GreaterThan(0).WithMessage(PatienceRange)
                .LessThanOrEqualTo(ErlangA.MaxPatienceSeconds).WithMessage(PatienceRange);
        });
    }
}

public sealed class ForecastRowInput
{
    /// <summary>Skill code, e.g. PRESALES.</summary>
    public string Skill { get; set; } = "";
    /// <summary>Local date, yyyy-MM-dd.</summary>
    public string Date { get; set; } = "";
    /// <summary>Local interval start, HH:mm, on the event's interval grid.</summary>
    public string Start { get; set; } = "";
    public double Contacts { get; set; }
    public double AhtSeconds { get; set; }
}

public sealed class ForecastInput
{
    public List<ForecastRowInput> Rows { get; set; } = [];
}

public sealed record ForecastResult(bool Stored, int Rows, double Contacts, IReadOnlyList<RowProblem> Errors);

public sealed record EventResponse(
    Guid Id, string Name, DateOnly StartDate, DateOnly EndDate, string? Description, EventStatus Status,
    int IntervalMinutes, double ServiceLevel, double TargetSeconds, double Shrinkage, double MaxOccupancy,
    int ForecastRows, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, StaffingModel StaffingModel, double? PatienceSeconds)
{
    public static EventResponse Of(SurgeEvent e, int forecastRows) => new(
        e.Id, e.Name, e.StartDate, e.EndDate, e.Description, e.Status, e.IntervalMinutes, e.ServiceLevel, e.TargetSeconds,
        e.Shrinkage, e.MaxOccupancy, forecastRows, e.CreatedAt, e.UpdatedAt, e.StaffingModel, e.PatienceSeconds);
}

/// <summary>
/// One forecast interval: the requirement, the in-house agents scheduled for it, the gap vendors must fill
/// (<c>max(0, scheduled − in-house)</c>) and the vendor capacity that covers it.
/// </summary>
public sealed record StaffingInterval(
    string Skill, DateOnly Date, DateTimeOffset Start, double Contacts, double AhtSeconds, double TrafficErlangs,
    int Agents, int ScheduledAgents, double ServiceLevel, double ProbabilityOfWaiting, double AverageSpeedOfAnswerSeconds, double Occupancy,
    double AbandonRate, int RequestedAgents, int CommittedAgents, int ConfirmedAgents, int InHouseAgents, int GapAgents);

/// <summary>
/// One skill on one day: the peak requirement, and the day's largest gap with the in-house agents at that interval
/// (<see cref="GapAt"/>); requested, committed and confirmed are the most in any interval.
/// </summary>
public sealed record StaffingDay(
    string Skill, DateOnly Date, double ForecastContacts, int PeakAgents, int PeakScheduledAgents, DateTimeOffset? PeakAt,
    int RequestedAgents, int CommittedAgents, int ConfirmedAgents, int InHouseAgents, int GapAgents, DateTimeOffset? GapAt);

public sealed record EventStaffing(
    Guid EventId, string TimeZone, int IntervalMinutes, double ServiceLevel, double TargetSeconds, double Shrinkage, double MaxOccupancy,
    string Summary, IReadOnlyList<StaffingDay> Days, IReadOnlyList<StaffingInterval> Intervals, StaffingModel StaffingModel, double? PatienceSeconds);

/// <summary>Surge events, their forecasts and the staffing they need. Shared by the API and the portal.</summary>
public sealed class EventOperations(AppDbContext db, AccessScopeAccessor scope, CapacityRequestReads requests, BulkChanges bulk)
{
    public const int MaxForecastRows = 50_000;
    public const string CapacityNote =
        "Required agents are Erlang C per interval, or Erlang A when the event counts callers who hang up; scheduled agents add shrinkage. " +
        "In-house agents are the center's own team scheduled for the interval, and the gap, scheduled minus in-house, is what vendors " +
        "are asked to cover. Requested agents are those asked of vendors in " +
        "open and answered capacity requests, committed agents those the vendors' shifts hold, confirmed agents those the vendors " +
        "confirmed on them: each counts the shifts running at the interval's start, and a day shows its highest interval.";

    public async Task<SurgeEvent> CreateAsync(EventInput input, CancellationToken ct)
    {
        var e = new SurgeEvent { Name = "", TenantId = scope.Required.TenantId };
        Apply(e, input);
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<SurgeEvent> UpdateAsync(Guid id, EventInput input, CancellationToken ct)
    {
        var e = await LoadAsync(id, ct);
        var slots = await db.ForecastIntervals.Where(f => f.EventId == id).Select(f => new { f.Date, f.Start }).Distinct().ToListAsync(ct);
        if (slots.Any(s => s.Date < input.StartDate || s.Date > input.EndDate))
            throw RuleViolation.Conflict("startDate", EventRules.ForecastOutsideDates);
        if (slots.Any(s => (s.Start.Hour * 60 + s.Start.Minute) % input.IntervalMinutes != 0))
            throw RuleViolation.Conflict("intervalMinutes", EventRules.ForecastOffGrid(input.IntervalMinutes));
        var inHouse = await db.InHouseIntervals.Where(h => h.EventId == id).Select(h => new { h.Date, h.Start }).Distinct().ToListAsync(ct);
        if (inHouse.Any(s => s.Date < input.StartDate || s.Date > input.EndDate))
            throw RuleViolation.Conflict("startDate", EventRules.InHouseOutsideDates);
        if (inHouse.Any(s => (s.Start.Hour * 60 + s.Start.Minute) % input.IntervalMinutes != 0))
            throw RuleViolation.Conflict("intervalMinutes", EventRules.InHouseOffGrid(input.IntervalMinutes));
        Apply(e, input);
        await db.SaveChangesAsync(ct);
        return e;
    }

    public async Task<SurgeEvent> LoadAsync(Guid id, CancellationToken ct) =>
        await db.Events.SingleOrDefaultAsync(e => e.Id == id, ct) ?? throw new NotFound(Thing.Event);

    public async Task<EventResponse> ResponseAsync(Guid id, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFound(Thing.Event);
        return EventResponse.Of(e, await db.ForecastIntervals.CountAsync(f => f.EventId == id, ct));
    }

    /// <summary>
    /// Replaces the event's forecast, all-or-nothing: any bad row stores nothing, and every bad row is reported
    /// (unknown skill, date outside the event, start off the grid or skipped by a DST change, bad numbers, duplicates).
    /// </summary>
    public async Task<ForecastResult> ReplaceForecastAsync(
        Guid eventId, IReadOnlyList<(string Where, ForecastRowInput Row)> rows, IReadOnlyList<RowProblem> earlier, CancellationToken ct)
    {
        var e = await LoadAsync(eventId, ct);
        var zone = await db.TenantZoneAsync(ct);
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<RowProblem>(earlier);
        if (rows.Count + earlier.Count > MaxForecastRows)
            errors.Add(new RowProblem("rows", EventRules.ForecastTooManyRows(MaxForecastRows)));
        var seen = new Dictionary<(Guid, DateOnly, TimeOnly), string>();
        var keep = new List<ForecastInterval>(rows.Count);
        foreach (var (where, row) in rows)
        {
            if (errors.Count > 0 && errors[^1].Where == "rows") break;
            var problems = new List<RuleError>();
            EventSlots.Skill(skills, row.Skill, problems, out var skillId);
            EventSlots.DateAndStart(e, zone, row.Date, row.Start, problems, out var date, out var start);
            if (double.IsNaN(row.Contacts) || row.Contacts < 0) problems.Add(EventRules.NegativeContacts);
            else if (row.Contacts > 1_000_000) problems.Add(EventRules.TooManyContacts);
            if (double.IsNaN(row.AhtSeconds) || row.AhtSeconds <= 0 || row.AhtSeconds > 86_400) problems.Add(EventRules.AhtSecondsRange);
            else if (row.Contacts > 0 && row.Contacts * row.AhtSeconds / (e.IntervalMinutes * 60.0) > ErlangC.MaxTrafficErlangs)
                problems.Add(EventRules.TooMuchTraffic(ErlangC.MaxTrafficErlangs));
            if (problems.Count == 0)
            {
                if (seen.TryGetValue((skillId, date, start), out var first)) problems.Add(EventRules.DuplicateRow(first));
                else seen[(skillId, date, start)] = where;
            }
            if (problems.Count > 0) errors.Add(new RowProblem(where, CommonRules.RowProblems(problems)));
            else keep.Add(new ForecastInterval
            {
                TenantId = e.TenantId, EventId = e.Id, SkillId = skillId, Date = date, Start = start,
                Contacts = row.Contacts, AhtSeconds = row.AhtSeconds,
            });
        }
        var total = keep.Sum(k => k.Contacts);
        if (errors.Count > 0) return new ForecastResult(false, rows.Count, total, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await bulk.DeleteAsync(db.ForecastIntervals.Where(f => f.EventId == eventId), eventId, ct);
        db.ForecastIntervals.AddRange(keep);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ForecastResult(true, keep.Count, total, []);
    }

    /// <summary>
    /// Erlang C (or the event's Erlang A) for every forecast interval with the capacity that covers it, and per skill and day the contacts, the peak
    /// requirement and the most agents requested, committed and confirmed in any interval.
    /// </summary>
    public async Task<EventStaffing> StaffingAsync(Guid eventId, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct) ?? throw new NotFound(Thing.Event);
        var zone = await db.TenantZoneAsync(ct);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var rows = await db.ForecastIntervals.AsNoTracking().Where(f => f.EventId == eventId)
            .Select(f => new { f.SkillId, f.Date, f.Start, f.Contacts, f.AhtSeconds }).ToListAsync(ct);
        var coverage = (await requests.CoverageAsync(eventId, ct)).ToLookup(c => c.SkillId);
        var inHouse = await db.InHouseIntervals.AsNoTracking().Where(h => h.EventId == eventId)
            .ToDictionaryAsync(h => (h.SkillId, h.Date, h.Start), h => h.Agents, ct);
        var slots = rows
            .Select(r => (Row: r, Skill: codes.GetValueOrDefault(r.SkillId, "?"), At: TenantTime.ToInstant(r.Date.ToDateTime(r.Start), zone, "start")))
            .OrderBy(x => x.Skill, StringComparer.Ordinal).ThenBy(x => x.At)
            .ToList();
        var memo = new Dictionary<(double, double), StaffingResult>();
        var intervals = new List<StaffingInterval>(slots.Count);
        CoverageSweep? sweep = null;
        foreach (var (r, skill, at) in slots)
        {
            if (!memo.TryGetValue((r.Contacts, r.AhtSeconds), out var s))
                memo[(r.Contacts, r.AhtSeconds)] = s = Erlang.Staff(new StaffingInput(
                    r.Contacts, e.IntervalMinutes, r.AhtSeconds, e.ServiceLevel, e.TargetSeconds, e.Shrinkage, e.MaxOccupancy, Patience(e)));
            if (sweep?.SkillId != r.SkillId) sweep = new CoverageSweep(r.SkillId, coverage[r.SkillId]);
            var on = sweep.At(at);
            var house = inHouse.GetValueOrDefault((r.SkillId, r.Date, r.Start));
            intervals.Add(new StaffingInterval(skill, r.Date, TenantTime.ToLocal(at, zone), r.Contacts, r.AhtSeconds,
                s.TrafficErlangs, s.Agents, s.ScheduledAgents, s.ServiceLevel, s.ProbabilityOfWaiting, s.AverageSpeedOfAnswerSeconds, s.Occupancy,
                s.AbandonRate, on.Requested, on.Committed, on.Confirmed, house, Math.Max(0, s.ScheduledAgents - house)));
        }
        var days = intervals.GroupBy(i => (i.Skill, i.Date)).Select(g =>
        {
            var peak = g.MaxBy(i => (i.ScheduledAgents, i.Agents))!;
            var widest = g.MaxBy(i => i.GapAgents)!;
            return new StaffingDay(g.Key.Skill, g.Key.Date, Math.Round(g.Sum(i => i.Contacts), 2), g.Max(i => i.Agents), peak.ScheduledAgents,
                peak.Agents == 0 && peak.ScheduledAgents == 0 ? null : peak.Start,
                g.Max(i => i.RequestedAgents), g.Max(i => i.CommittedAgents), g.Max(i => i.ConfirmedAgents),
                widest.InHouseAgents, widest.GapAgents, widest.GapAgents == 0 ? null : widest.Start);
        }).OrderBy(d => d.Skill, StringComparer.Ordinal).ThenBy(d => d.Date).ToList();
        return new EventStaffing(e.Id, zone.Id, e.IntervalMinutes, e.ServiceLevel, e.TargetSeconds, e.Shrinkage, e.MaxOccupancy,
            CapacityNote, days, intervals, e.StaffingModel, Patience(e));
    }

    /// <summary>The patience Erlang A sizes with; null (Erlang C) unless the event chose Erlang A.</summary>
    private static double? Patience(SurgeEvent e) => e.StaffingModel == StaffingModel.ErlangA ? e.PatienceSeconds : null;

    /// <summary>
    /// The agents on shift at each instant of one skill, asked in ascending order: one pass over the shifts' starts and ends
    /// rather than every shift for every interval.
    /// </summary>
    private sealed class CoverageSweep(Guid skillId, IEnumerable<Coverage> spans)
    {
        private readonly (DateTimeOffset At, int Requested, int Committed, int Confirmed)[] changes =
        [
            .. spans.SelectMany(c => new[] { (c.StartsAt, c.Requested, c.Committed, c.Confirmed), (c.EndsAt, -c.Requested, -c.Committed, -c.Confirmed) })
                .OrderBy(c => c.Item1),
        ];
        private int next;
        private (int Requested, int Committed, int Confirmed) on;

        public Guid SkillId => skillId;

        /// <summary>Shifts with StartsAt &lt;= at &lt; EndsAt.</summary>
        public (int Requested, int Committed, int Confirmed) At(DateTimeOffset at)
        {
            for (; next < changes.Length && changes[next].At <= at; next++)
                on = (on.Requested + changes[next].Requested, on.Committed + changes[next].Committed, on.Confirmed + changes[next].Confirmed);
            return on;
        }
    }

    private void Apply(SurgeEvent e, EventInput input)
    {
        e.Name = input.Name.Trim();
        e.StartDate = input.StartDate;
        e.EndDate = input.EndDate;
        e.Description = string.IsNullOrWhiteSpace(input.Description) ? null : input.Description.Trim();
        e.Status = input.Status;
        e.IntervalMinutes = input.IntervalMinutes;
        e.ServiceLevel = input.ServiceLevel;
        e.TargetSeconds = input.TargetSeconds;
        e.Shrinkage = input.Shrinkage;
        e.MaxOccupancy = input.MaxOccupancy;
        e.StaffingModel = input.StaffingModel;
        e.PatienceSeconds = input.StaffingModel == StaffingModel.ErlangA ? input.PatienceSeconds : null;
    }
}
