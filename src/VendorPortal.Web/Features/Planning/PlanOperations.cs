using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Billing;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Notifications;
using VendorPortal.Web.Features.Readiness;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Training;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Web.Features.Planning;

/// <summary>
/// The suggested surge plan: the gap vendors must still cover, the fewest agent-hours of shifts covering it (CP-SAT per skill
/// and day), each shift split across vendors with a no-show buffer, its estimated cost and what nobody can cover; and sending
/// such a plan as capacity requests, all or nothing. Shared by the API and the portal.
/// </summary>
public sealed class PlanOperations(
    AppDbContext db, EventOperations events, ReadinessList readiness, CapacityRequestOperations requests, Notifier notifier, TimeProvider clock)
{
    public static readonly IReadOnlyList<double> DefaultLengths = [4, 6, 8];
    public const int DefaultStepMinutes = 30;
    public const double DefaultShowProbability = 0.9;

    public const string Note =
        "The gap is the scheduled agents (the event's Erlang C or Erlang A requirement with shrinkage) minus the in-house team minus agents already asked in open requests " +
        "or held on the vendors' scheduled shifts, so planning again after sending asks for nothing twice. Shifts start on the step " +
        "inside each day's forecast window and end inside it; CP-SAT finds, per skill and day, the fewest agent-hours covering the gap " +
        "(lowerBound is its proven bound). Each shift goes to vendors by measured show rate, then price, then name; a vendor is asked for " +
        "the smallest headcount whose chance of at least the planned agents showing up (binomial, at its show rate) reaches the target, " +
        "and never for more than its free trained agents. The estimated cost prices, at each vendor's rate card (first band), the " +
        "forecast contacts its planned agents handle: per interval contacts × the vendor's agents ÷ the scheduled agents.";

    public async Task<PlanResponse> SuggestAsync(Guid eventId, PlanInput input, CancellationToken ct)
    {
        var staffing = await events.StaffingAsync(eventId, ct);
        var iv = staffing.IntervalMinutes;
        var lengths = input.ShiftLengthsHours ?? [.. DefaultLengths];
        var step = input.StartStepMinutes ?? Math.Max(DefaultStepMinutes, iv);
        var target = input.TargetShowProbability ?? DefaultShowProbability;

        var errors = new List<(string, RuleError)>();
        if (step % iv != 0) errors.Add(("startStepMinutes", PlanningRules.StepOffGrid(step, iv)));
        for (var i = 0; i < lengths.Count; i++)
        {
            var minutes = lengths[i] * 60;
            if (Math.Abs(minutes - Math.Round(minutes)) > 1e-9 || (int)Math.Round(minutes) % iv != 0)
                errors.Add(($"shiftLengthsHours[{i}]", PlanningRules.LengthOffGrid(lengths[i], iv)));
        }
        var allVendors = await db.Vendors.AsNoTracking().Select(v => new { v.Id, v.Name, v.Status }).ToListAsync(ct);
        var chosen = allVendors.Where(v => v.Status == VendorStatus.Active).ToList();
        if (input.VendorIds is { } ids)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                var v = allVendors.FirstOrDefault(x => x.Id == ids[i]);
                if (v is null) errors.Add(($"vendorIds[{i}]", VendorRules.NoSuchVendor));
                else if (v.Status != VendorStatus.Active) errors.Add(($"vendorIds[{i}]", VendorRules.Inactive(v.Name)));
            }
            chosen = [.. chosen.Where(v => ids.Contains(v.Id))];
        }
        if (staffing.Intervals.Count == 0) errors.Insert(0, ("eventId", PlanningRules.NoForecast));
        if (errors.Count == 1) throw new RuleViolation(errors[0].Item1, errors[0].Item2);
        if (errors.Count > 1) throw RuleViolation.ForRows(errors);

        var zone = await db.TenantZoneAsync(ct);
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == db.Scope!.TenantId, ct);
        var now = clock.GetUtcNow();
        var skillIds = (await Skills.SkillCodes.ByIdAsync(db, ct)).ToDictionary(x => x.Value, x => x.Key, StringComparer.Ordinal);
        var already = await AlreadyAskedAsync(eventId, ct);

        // The gap per skill and day, slot by slot from the day's first forecast interval.
        var coverage = staffing.Intervals.Select(i =>
        {
            var asked = already.Where(a => a.Skill == skillIds.GetValueOrDefault(i.Skill) && a.StartsAt <= i.Start && i.Start < a.EndsAt).Sum(a => a.Headcount);
            return (Interval: i, Asked: asked, Gap: Math.Max(0, i.ScheduledAgents - i.InHouseAgents - asked));
        }).ToList();
        var windows = coverage.GroupBy(c => (c.Interval.Skill, c.Interval.Date))
            .OrderBy(g => g.Key.Skill, StringComparer.Ordinal).ThenBy(g => g.Key.Date)
            .Select(g => Window.Of(g.Key.Skill, skillIds.GetValueOrDefault(g.Key.Skill), g.Key.Date, iv, zone,
                [.. g.Select(c => (c.Interval, c.Asked, c.Gap))]))
            .ToList();

        var lengthSlots = lengths.Select(l => (int)Math.Round(l * 60) / iv).Distinct().Order().ToList();
        var stepSlots = step / iv;
        long cost = 0, bound = 0;
        var optimal = true;
        foreach (var w in windows)
        {
            w.Plan = SurgePlanner.Solve(w.Gap, lengthSlots, stepSlots);
            cost += w.Plan.Cost;
            bound += w.Plan.LowerBound;
            optimal &= w.Plan.Optimal;
        }

        // Vendors: show rate, price, and their free trained agents.
        var vendorIds = chosen.Select(v => v.Id).ToList();
        var showRates = await readiness.ShowRatesAsync(vendorIds, now, ct);
        var cards = await db.RateCards.AsNoTracking().Where(c => vendorIds.Contains(c.VendorId)).ToListAsync(ct);
        var pool = await PoolAsync(vendorIds, tenant.TrainingValidityDays, now, windows, ct);
        decimal? Price(Guid vendor, Guid skill, DateOnly day) =>
            (cards.FirstOrDefault(c => c.VendorId == vendor && c.SkillId == skill && c.Covers(day))
                ?? cards.FirstOrDefault(c => c.VendorId == vendor && c.SkillId == null && c.Covers(day)))?.Tiers.FirstOrDefault()?.UnitPrice;
        var names = chosen.ToDictionary(v => v.Id, v => v.Name);

        var shifts = new List<PlanShift>();
        var memo = new Dictionary<(int, double), int>();
        foreach (var w in windows)
        {
            var order = chosen
                .Select(v => (v.Id, v.Name, Rate: showRates.GetValueOrDefault(v.Id, ReadinessRules.ShowRate(0, 0)), Price: Price(v.Id, w.SkillId, w.Date)))
                .OrderByDescending(v => v.Rate).ThenBy(v => v.Price is null).ThenBy(v => v.Price).ThenBy(v => v.Name, StringComparer.Ordinal).ThenBy(v => v.Id)
                .ToList();
            foreach (var span in w.Plan!.Spans)
            {
                var from = w.SlotStart(span.Start);
                var to = w.SlotStart(span.Start + span.Length);
                var remaining = span.Agents;
                var parts = new List<PlanAllocation>();
                foreach (var v in order)
                {
                    if (remaining == 0) break;
                    var free = pool.Free(v.Id, w.SkillId, from, to, w, span);
                    if (free <= 0) continue;
                    var (agents, asked) = (0, 0);
                    for (var a = 1; a <= remaining; a++)
                    {
                        var r = Requested(a, v.Rate, target, memo);
                        if (r > free) break;
                        (agents, asked) = (a, r);
                    }
                    if (agents == 0) continue;
                    pool.Take(v.Id, w.SkillId, w, span, asked);
                    for (var t = span.Start; t < span.Start + span.Length; t++) w.Allocated[t] += agents;
                    decimal? money = v.Price is { } price
                        ? Money.Round(price * (decimal)Enumerable.Range(span.Start, span.Length)
                            .Sum(t => w.Required[t] > 0 ? w.Contacts[t] * Math.Min(1.0, agents / (double)w.Required[t]) : 0), tenant.Currency)
                        : null;
                    parts.Add(new PlanAllocation(v.Id, v.Name, agents, asked, Math.Round(v.Rate, 4), money));
                    remaining -= agents;
                }
                shifts.Add(new PlanShift(w.Skill, w.SkillId, w.Date, w.Clock(span.Start), w.Clock(span.Start + span.Length),
                    span.Length * iv / 60.0, span.Agents, parts));
            }
        }

        var shortfalls = windows.SelectMany(Shortfalls).ToList();
        var vendors = chosen.Select(v =>
        {
            var mine = shifts.SelectMany(s => s.Allocations.Where(a => a.VendorId == v.Id).Select(a => (Shift: s, Part: a))).ToList();
            var priced = mine.All(m => m.Part.EstimatedCost is not null);
            return new PlanVendor(v.Id, v.Name, Math.Round(showRates.GetValueOrDefault(v.Id, ReadinessRules.ShowRate(0, 0)), 4),
                mine.Count, mine.Sum(m => m.Part.Agents), mine.Sum(m => m.Part.Requested), mine.Sum(m => m.Part.Requested * m.Shift.Hours),
                priced ? mine.Sum(m => m.Part.EstimatedCost ?? 0) : null);
        }).OrderBy(v => v.Name, StringComparer.Ordinal).ToList();

        var rows = windows.SelectMany(w => w.Rows.Select(r => new PlanCoverage(w.Skill, w.Date, r.Interval.Start, r.Interval.Contacts,
            r.Interval.ScheduledAgents, r.Interval.InHouseAgents, r.Asked, r.Gap, w.Planned(r.Slot), w.Allocated[r.Slot],
            Math.Max(0, r.Gap - w.Allocated[r.Slot])))).ToList();

        return new PlanResponse(eventId, zone.Id, iv, [.. lengths.Distinct().Order()], step, target, rows, shifts, vendors,
            cost * iv / 60.0, bound * iv / 60.0, optimal, shifts.Sum(s => s.Allocations.Sum(a => a.Requested) * s.Hours),
            vendors.Sum(v => v.EstimatedCost ?? 0), tenant.Currency, shortfalls, Note);
    }

    /// <summary>
    /// Sends a plan (as suggested, or edited) as capacity requests, one per vendor and shift, checked like a request made by hand;
    /// every wrong shift or allocation is named and nothing is created unless all are right.
    /// </summary>
    public async Task<IReadOnlyList<Guid>> SendAsync(Guid eventId, SendPlanInput input, CancellationToken ct)
    {
        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct)) throw new NotFound(Thing.Event);
        var zone = await db.TenantZoneAsync(ct);
        var now = clock.GetUtcNow();
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var byCode = codes.ToDictionary(x => x.Value, x => x.Key, StringComparer.OrdinalIgnoreCase);
        var errors = new List<(string Field, RuleError Error)>();
        var planned = new List<(int I, string Skill, DateTime Start, DateTime End, SendShiftInput Shift)>();
        for (var i = 0; i < input.Shifts.Count; i++)
        {
            var s = input.Shifts[i];
            string? skill = null;
            if (s.SkillId is { } id)
            {
                if (codes.TryGetValue(id, out var code)) skill = code;
                else errors.Add(($"shifts[{i}].skillId", Skills.SkillRules.Unknown([id.ToString()])));
            }
            else if (!string.IsNullOrWhiteSpace(s.Skill))
            {
                if (byCode.TryGetValue(s.Skill.Trim(), out var known)) skill = codes[known];
                else errors.Add(($"shifts[{i}].skill", Skills.SkillRules.Unknown([s.Skill.Trim()])));
            }
            else errors.Add(($"shifts[{i}].skill", PlanningRules.MissingSkill));
            var start = ParseClock(s.Start);
            var end = ParseClock(s.End);
            if (start is null) errors.Add(($"shifts[{i}].start", PlanningRules.BadTime(s.Start)));
            if (end is null) errors.Add(($"shifts[{i}].end", PlanningRules.BadTime(s.End)));
            var seen = new HashSet<Guid>();
            for (var j = 0; j < s.Allocations.Count; j++)
                if (!seen.Add(s.Allocations[j].VendorId)) errors.Add(($"shifts[{i}].allocations[{j}].vendorId", PlanningRules.VendorTwice));
            if (skill is null || start is null || end is null) continue;
            var from = s.Date.ToDateTime(TimeOnly.MinValue).AddMinutes(start.Value);
            var until = s.Date.ToDateTime(TimeOnly.MinValue).AddMinutes(end.Value);
            if (until <= from) until = until.AddDays(1);
            planned.Add((i, skill, from, until, s));
        }

        var respondBy = input.RespondByLocal ?? DefaultRespondBy(planned.Select(p => p.Start), zone, now);
        var validator = new CapacityRequestInputValidator();
        var ids = new List<Guid>();
        foreach (var (i, skill, start, end, shift) in planned)
        {
            for (var j = 0; j < shift.Allocations.Count; j++)
            {
                var a = shift.Allocations[j];
                var request = new CapacityRequestInput
                {
                    EventId = eventId, VendorId = a.VendorId, Skill = skill, RespondByLocal = respondBy, Message = input.Message,
                    Shifts = [new ShiftPlanInput { StartsAtLocal = start, EndsAtLocal = end, Headcount = a.Requested }],
                };
                var shape = validator.Validate(request);
                if (!shape.IsValid)
                {
                    errors.AddRange(shape.Errors.Select(f => (Name(f.PropertyName, i, j), PlanningRules.RequestShape(f.ErrorMessage))));
                    continue;
                }
                try
                {
                    ids.Add((await requests.AddAsync(request, ct)).Id);
                }
                catch (RuleViolation rule)
                {
                    errors.AddRange((rule.Rows.Count > 0 ? rule.Rows : [(rule.Field, rule.Error)]).Select(r => (Name(r.Field, i, j), r.Error)));
                }
            }
        }
        if (errors.Count == 0 && ids.Count == 0) errors.Add(("shifts", PlanningRules.NothingToSend));
        if (errors.Count > 0)
        {
            db.ChangeTracker.Clear();
            var distinct = errors.DistinctBy(e => (e.Field, e.Error.Code, string.Join("|", e.Error.Args))).ToList();
            throw RuleViolation.ForRows(distinct);
        }
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        notifier.Dispatch(db.Scope!.TenantId);
        return ids;
    }

    /// <summary>The smallest headcount whose chance of at least <paramref name="agents"/> showing up reaches the target.</summary>
    public static int Requested(int agents, double showRate, double target, Dictionary<(int, double), int>? memo = null)
    {
        if (agents <= 0) return 0;
        if (memo is not null && memo.TryGetValue((agents, showRate), out var known)) return known;
        var start = memo is not null && memo.TryGetValue((agents - 1, showRate), out var before) ? Math.Max(agents, before) : agents;
        var r = start;
        while (ReadinessRules.ProbabilityOfReaching(agents, r, showRate) < target && r < agents * 50 + 1000) r++;
        if (memo is not null) memo[(agents, showRate)] = r;
        return r;
    }

    private static IEnumerable<PlanShortfall> Shortfalls(Window w)
    {
        var slots = w.Gap.Count;
        var t = 0;
        while (t < slots)
        {
            var noShift = w.Plan!.Uncoverable.Contains(t);
            var missing = noShift ? w.Gap[t] : Math.Max(0, w.Gap[t] - w.Allocated[t]);
            if (missing <= 0 || !w.Exists[t]) { t++; continue; }
            var first = t;
            var peak = 0;
            while (t < slots && w.Exists[t] && w.Plan.Uncoverable.Contains(t) == noShift
                && (noShift ? w.Gap[t] : w.Gap[t] - w.Allocated[t]) > 0)
            {
                peak = Math.Max(peak, noShift ? w.Gap[t] : w.Gap[t] - w.Allocated[t]);
                t++;
            }
            var error = noShift
                ? PlanningRules.NoShiftFits(w.Skill, w.Date, w.Clock(first), w.Clock(t), peak)
                : PlanningRules.NoVendorCanSupply(w.Skill, w.Date, w.Clock(first), w.Clock(t), peak);
            yield return new PlanShortfall(w.Skill, w.Date, w.Clock(first), w.Clock(t), peak, error.Code, error.Text());
        }
    }

    /// <summary>Open requests and the vendors' scheduled shifts of the event: capacity asked for already, per skill.</summary>
    private async Task<List<(Guid Skill, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Headcount)>> AlreadyAskedAsync(Guid eventId, CancellationToken ct)
    {
        var open = await db.RequestedShifts.AsNoTracking()
            .Join(db.CapacityRequests.Where(r => r.EventId == eventId && r.Status == CapacityRequestStatus.Sent),
                s => s.RequestId, r => r.Id, (s, r) => new { r.SkillId, s.StartsAt, s.EndsAt, s.Headcount })
            .ToListAsync(ct);
        var held = await db.Shifts.AsNoTracking().Where(s => s.EventId == eventId && s.Status == ShiftStatus.Scheduled)
            .Select(s => new { s.SkillId, s.StartsAt, s.EndsAt, s.Headcount }).ToListAsync(ct);
        return [.. open.Concat(held).Select(x => (x.SkillId, x.StartsAt, x.EndsAt, x.Headcount))];
    }

    /// <summary>Each vendor's active agents with a valid pass for a skill they work, and their bookings during the event.</summary>
    private async Task<Pool> PoolAsync(List<Guid> vendorIds, int validityDays, DateTimeOffset now, List<Window> windows, CancellationToken ct)
    {
        var cutoff = now - TimeSpan.FromDays(validityDays);
        var agents = await db.Agents.AsNoTracking().Where(a => vendorIds.Contains(a.VendorId) && a.Status == AgentStatus.Active)
            .Select(a => new { a.Id, a.VendorId, a.SkillIds }).ToListAsync(ct);
        var passes = (await db.TrainingEnrollments.AsNoTracking()
                .Where(e => vendorIds.Contains(e.VendorId) && e.Outcome == TrainingOutcome.Passed && e.Session!.EndsAt > cutoff)
                .Select(e => new { e.AgentId, e.Session!.SkillIds }).ToListAsync(ct))
            .SelectMany(p => p.SkillIds.Select(s => (p.AgentId, Skill: s))).ToHashSet();
        var trained = agents
            .SelectMany(a => a.SkillIds.Distinct().Where(s => passes.Contains((a.Id, s))).Select(s => (a.VendorId, Skill: s, a.Id)))
            .ToLookup(x => (x.VendorId, x.Skill), x => x.Id);
        var from = windows.Count == 0 ? now : windows.Min(w => w.SlotStart(0));
        var to = windows.Count == 0 ? now : windows.Max(w => w.SlotStart(w.Gap.Count));
        var bookings = (await db.Assignments.AsNoTracking().Where(Assignment.HoldingAPlace)
                .Where(a => vendorIds.Contains(a.VendorId) && a.Shift!.Status == ShiftStatus.Scheduled && a.Shift.StartsAt < to && a.Shift.EndsAt > from)
                .Select(a => new { a.AgentId, a.Shift!.StartsAt, a.Shift.EndsAt }).ToListAsync(ct))
            .ToLookup(b => b.AgentId, b => (b.StartsAt, b.EndsAt));
        return new Pool(trained, bookings);
    }

    private static DateTime DefaultRespondBy(IEnumerable<DateTime> starts, TimeZoneInfo zone, DateTimeOffset now)
    {
        var soon = TenantTime.ToLocal(now, zone).DateTime.AddHours(48);
        var first = starts.DefaultIfEmpty(soon.AddHours(1)).Min().AddHours(-1);
        var due = first < soon ? first : soon;
        return new DateTime(due.Year, due.Month, due.Day, due.Hour, due.Minute, 0, DateTimeKind.Unspecified);
    }

    /// <summary>Minutes since midnight of "HH:mm" (24:00 is midnight at the day's end), or null.</summary>
    private static int? ParseClock(string? text)
    {
        text = text?.Trim();
        if (text == "24:00") return 24 * 60;
        return TimeOnly.TryParseExact(text, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t.Hour * 60 + t.Minute : null;
    }

    /// <summary>A hand-made request's field, named where the plan has it.</summary>
    private static string Name(string field, int i, int j)
    {
        var f = field.ToLowerInvariant();
        return f switch
        {
            "vendorid" => $"shifts[{i}].allocations[{j}].vendorId",
            "skill" => $"shifts[{i}].skill",
            "respondbylocal" => "respondByLocal",
            "message" => "message",
            "eventid" => "eventId",
            _ when f.EndsWith("startsatlocal", StringComparison.Ordinal) => $"shifts[{i}].start",
            _ when f.EndsWith("endsatlocal", StringComparison.Ordinal) => $"shifts[{i}].end",
            _ when f.EndsWith("headcount", StringComparison.Ordinal) => $"shifts[{i}].allocations[{j}].requested",
            _ => $"shifts[{i}]",
        };
    }

    /// <summary>One skill's forecast window on one day: slot by slot the gap, requirement, contacts and what the plan puts there.</summary>
    private sealed class Window
    {
        public required string Skill { get; init; }
        public required Guid SkillId { get; init; }
        public required DateOnly Date { get; init; }
        public required int IntervalMinutes { get; init; }
        public required int FirstMinute { get; init; }
        public required TimeZoneInfo Zone { get; init; }
        public required List<int> Gap { get; init; }
        public required int[] Required { get; init; }
        public required double[] Contacts { get; init; }
        public required bool[] Exists { get; init; }
        public required int[] Allocated { get; init; }
        public required List<(StaffingInterval Interval, int Asked, int Gap, int Slot)> Rows { get; init; }
        public SpanPlan? Plan { get; set; }

        public static Window Of(string skill, Guid skillId, DateOnly date, int iv, TimeZoneInfo zone, List<(StaffingInterval Interval, int Asked, int Gap)> rows)
        {
            static int Minute(StaffingInterval i) => i.Start.Hour * 60 + i.Start.Minute;
            var first = rows.Min(r => Minute(r.Interval));
            var slots = (rows.Max(r => Minute(r.Interval)) - first) / iv + 1;
            var w = new Window
            {
                Skill = skill, SkillId = skillId, Date = date, IntervalMinutes = iv, FirstMinute = first, Zone = zone,
                Gap = [.. new int[slots]], Required = new int[slots], Contacts = new double[slots], Exists = new bool[slots], Allocated = new int[slots],
                Rows = [],
            };
            foreach (var (interval, asked, gap) in rows)
            {
                var slot = (Minute(interval) - first) / iv;
                w.Gap[slot] = gap;
                w.Required[slot] = interval.ScheduledAgents;
                w.Contacts[slot] = interval.Contacts;
                w.Exists[slot] = true;
                w.Rows.Add((interval, asked, gap, slot));
            }
            return w;
        }

        public int Planned(int slot) => Plan!.Spans.Where(s => s.Start <= slot && slot < s.Start + s.Length).Sum(s => s.Agents);

        public string Clock(int slot)
        {
            var minutes = FirstMinute + slot * IntervalMinutes;
            return minutes >= 24 * 60 ? "24:00" : $"{minutes / 60:00}:{minutes % 60:00}";
        }

        /// <summary>The instant a slot starts (a wall time the clocks skip moves on to the first real instant after it).</summary>
        public DateTimeOffset SlotStart(int slot)
        {
            var local = Date.ToDateTime(TimeOnly.MinValue).AddMinutes(FirstMinute + slot * IntervalMinutes);
            while (Zone.IsInvalidTime(local)) local = local.AddMinutes(IntervalMinutes);
            return TenantTime.ToInstant(local, Zone, "start");
        }
    }

    /// <summary>
    /// Free trained agents per vendor and skill for a shift: trained agents with no booking overlapping it, less the agents this
    /// plan already asked of the vendor at the same time (for this skill, and for any skill, since one agent works one shift at once).
    /// </summary>
    private sealed class Pool(ILookup<(Guid Vendor, Guid Skill), Guid> trained, ILookup<Guid, (DateTimeOffset StartsAt, DateTimeOffset EndsAt)> bookings)
    {
        private readonly Dictionary<(Guid Vendor, Guid? Skill, DateOnly Date, int Minute), int> taken = [];
        private readonly Dictionary<Guid, HashSet<Guid>> anySkill = [];

        public int Free(Guid vendor, Guid skill, DateTimeOffset from, DateTimeOffset to, Window w, PlannedSpan span)
        {
            bool FreeThen(Guid agent) => !bookings[agent].Any(b => b.StartsAt < to && b.EndsAt > from);
            var forSkill = trained[(vendor, skill)].Count(FreeThen);
            if (!anySkill.TryGetValue(vendor, out var all))
                anySkill[vendor] = all = [.. trained.Where(g => g.Key.Vendor == vendor).SelectMany(g => g)];
            var forAny = all.Count(FreeThen);
            var takenSkill = 0;
            var takenAny = 0;
            for (var t = span.Start; t < span.Start + span.Length; t++)
            {
                var minute = w.FirstMinute + t * w.IntervalMinutes;
                takenSkill = Math.Max(takenSkill, taken.GetValueOrDefault((vendor, skill, w.Date, minute)));
                takenAny = Math.Max(takenAny, taken.GetValueOrDefault((vendor, null, w.Date, minute)));
            }
            return Math.Min(forSkill - takenSkill, forAny - takenAny);
        }

        public void Take(Guid vendor, Guid skill, Window w, PlannedSpan span, int agents)
        {
            for (var t = span.Start; t < span.Start + span.Length; t++)
            {
                var minute = w.FirstMinute + t * w.IntervalMinutes;
                taken[(vendor, skill, w.Date, minute)] = taken.GetValueOrDefault((vendor, skill, w.Date, minute)) + agents;
                taken[(vendor, null, w.Date, minute)] = taken.GetValueOrDefault((vendor, null, w.Date, minute)) + agents;
            }
        }
    }
}
