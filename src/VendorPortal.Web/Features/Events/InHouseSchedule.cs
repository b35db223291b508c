using CsvHelper;

namespace VendorPortal.Web.Features.Events;

/// <summary>In-house agents scheduled for one skill in one interval of the event.</summary>
public sealed class InHouseIntervalInput
{
    /// <summary>The skill's id (as GET /skills and the in-house schedule give it); or name the skill by its code in <c>skill</c>.</summary>
    public Guid? SkillId { get; set; }
    /// <summary>The skill's code, e.g. PRESALES, used when no skillId is given.</summary>
    public string? Skill { get; set; }
    /// <summary>Local date, yyyy-MM-dd, inside the event.</summary>
    public string Date { get; set; } = "";
    /// <summary>Local interval start, HH:mm, on the event's interval grid.</summary>
    public string Start { get; set; } = "";
    /// <summary>In-house agents scheduled in the interval, 0 to 100,000.</summary>
    public int Agents { get; set; }
}

public sealed class InHouseInput
{
    /// <summary>The whole in-house schedule of the event: it replaces the stored one (an empty list clears it).</summary>
    public List<InHouseIntervalInput> Intervals { get; set; } = [];
}

/// <summary>A weekly pattern: the same number of in-house agents on these days of the week, from a time to a time.</summary>
public sealed class InHousePatternInput
{
    public Guid? SkillId { get; set; }
    /// <summary>The skill's code, used when no skillId is given.</summary>
    public string? Skill { get; set; }
    /// <summary>Days of the week (Monday … Sunday), or "weekdays", "weekend", "all".</summary>
    public List<string> Days { get; set; } = [];
    /// <summary>First interval start, HH:mm, on the event's grid.</summary>
    public string From { get; set; } = "";
    /// <summary>End, exclusive, HH:mm on the grid; 24:00 is the end of the day.</summary>
    public string To { get; set; } = "";
    public int Agents { get; set; }
}

public sealed record InHouseSlot(string Skill, Guid SkillId, DateOnly Date, string Start, int Agents);

/// <summary>An event's in-house schedule, sorted by skill code, date and start.</summary>
public sealed record InHouseScheduleResponse(Guid EventId, int IntervalMinutes, IReadOnlyList<InHouseSlot> Intervals);

public sealed record InHouseResult(bool Stored, int Intervals, IReadOnlyList<RowProblem> Errors);

/// <summary>A run of consecutive intervals with the same in-house agents; <see cref="To"/> is exclusive (midnight ends the day).</summary>
public sealed record InHouseBlock(TimeOnly From, TimeOnly To, int Agents);

/// <summary>One skill on one day of the in-house schedule, for the event page's summary: its blocks of equal staffing.</summary>
public sealed record InHouseDay(string Skill, DateOnly Date, int Intervals, int PeakAgents, IReadOnlyList<InHouseBlock> Blocks);

/// <summary>
/// The center's own team per event, skill and interval: read, replaced all-or-nothing, or filled from a weekly pattern.
/// Vendors are measured against what it leaves, the gap. Shared by the API and the event page.
/// </summary>
public sealed class InHouseSchedule(AppDbContext db, EventOperations events, BulkChanges bulk)
{
    public const int MaxRows = 50_000;
    public const int MaxAgents = 100_000;
    public static readonly string[] WeekDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    public async Task<InHouseScheduleResponse> ReadAsync(Guid eventId, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == eventId, ct) ?? throw new NotFound(Thing.Event);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var rows = await db.InHouseIntervals.AsNoTracking().Where(h => h.EventId == eventId)
            .Select(h => new { h.SkillId, h.Date, h.Start, h.Agents }).ToListAsync(ct);
        return new InHouseScheduleResponse(e.Id, e.IntervalMinutes,
        [
            .. rows.Select(r => (Row: r, Skill: codes.GetValueOrDefault(r.SkillId, "?")))
                .OrderBy(x => x.Skill, StringComparer.Ordinal).ThenBy(x => x.Row.Date).ThenBy(x => x.Row.Start)
                .Select(x => new InHouseSlot(x.Skill, x.Row.SkillId, x.Row.Date, x.Row.Start.ToString("HH:mm", CultureInfo.InvariantCulture), x.Row.Agents)),
        ]);
    }

    /// <summary>Per skill and day: the intervals with in-house agents, the most agents in one, and the hours they span.</summary>
    public async Task<IReadOnlyList<InHouseDay>> DaysAsync(Guid eventId, CancellationToken ct)
    {
        var schedule = await ReadAsync(eventId, ct);
        return
        [
            .. schedule.Intervals.Where(i => i.Agents > 0).GroupBy(i => (i.Skill, i.Date)).Select(g =>
            {
                var blocks = new List<InHouseBlock>();
                foreach (var i in g)
                {
                    var start = TimeOnly.ParseExact(i.Start, "HH:mm", CultureInfo.InvariantCulture);
                    var end = start.AddMinutes(schedule.IntervalMinutes);
                    if (blocks.Count > 0 && blocks[^1].To == start && blocks[^1].Agents == i.Agents) blocks[^1] = blocks[^1] with { To = end };
                    else blocks.Add(new InHouseBlock(start, end, i.Agents));
                }
                return new InHouseDay(g.Key.Skill, g.Key.Date, g.Count(), g.Max(i => i.Agents), blocks);
            }),
        ];
    }

    /// <summary>
    /// Replaces the event's in-house schedule, all-or-nothing: any bad row stores nothing, and every bad row is reported
    /// (unknown skill, date outside the event, start off the grid or skipped by a DST change, agents out of range, duplicates).
    /// </summary>
    public async Task<InHouseResult> ReplaceAsync(
        Guid eventId, IReadOnlyList<(string Where, InHouseIntervalInput Row)> rows, IReadOnlyList<RowProblem> earlier, string listName, CancellationToken ct)
    {
        var e = await events.LoadAsync(eventId, ct);
        var zone = await db.TenantZoneAsync(ct);
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var ids = skills.Values.ToHashSet();
        var errors = new List<RowProblem>(earlier);
        if (rows.Count + earlier.Count > MaxRows) errors.Add(new RowProblem(listName, EventRules.InHouseTooManyRows(MaxRows)));
        var seen = new Dictionary<(Guid, DateOnly, TimeOnly), string>();
        var keep = new List<InHouseInterval>(rows.Count);
        foreach (var (where, row) in rows)
        {
            if (errors.Count > 0 && errors[^1].Where == listName) break;
            var problems = new List<RuleError>();
            var skillOk = SkillOf(skills, ids, row.SkillId, row.Skill, problems, out var skillId);
            var slotOk = EventSlots.DateAndStart(e, zone, row.Date, row.Start, problems, out var date, out var start);
            if (row.Agents is < 0 or > MaxAgents) problems.Add(EventRules.InHouseAgentsRange(MaxAgents));
            if (skillOk && slotOk)
            {
                if (seen.TryGetValue((skillId, date, start), out var first)) problems.Add(EventRules.DuplicateRow(first));
                else seen[(skillId, date, start)] = where;
            }
            if (problems.Count > 0) errors.Add(new RowProblem(where, CommonRules.RowProblems(problems)));
            else keep.Add(new InHouseInterval { TenantId = e.TenantId, EventId = e.Id, SkillId = skillId, Date = date, Start = start, Agents = row.Agents });
        }
        if (errors.Count > 0) return new InHouseResult(false, rows.Count, errors);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await bulk.DeleteAsync(db.InHouseIntervals.Where(h => h.EventId == eventId), eventId, ct);
        db.InHouseIntervals.AddRange(keep);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new InHouseResult(true, keep.Count, []);
    }

    /// <summary>
    /// Sets the pattern's agents in every interval it covers on each matching day of the event, keeping every other interval;
    /// local times the clocks skip are left out. All-or-nothing: a bad field refuses the whole pattern (422 naming the fields).
    /// </summary>
    public async Task<int> ApplyPatternAsync(Guid eventId, InHousePatternInput input, CancellationToken ct)
    {
        var e = await events.LoadAsync(eventId, ct);
        var zone = await db.TenantZoneAsync(ct);
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Code, s => s.Id, StringComparer.OrdinalIgnoreCase, ct);
        var errors = new List<(string Field, RuleError Error)>();

        var skillProblems = new List<RuleError>();
        if (!SkillOf(skills, skills.Values.ToHashSet(), input.SkillId, input.Skill, skillProblems, out var skillId))
            errors.Add((input.SkillId is null && !string.IsNullOrWhiteSpace(input.Skill) ? "skill" : "skillId", skillProblems[0]));

        var days = new HashSet<DayOfWeek>();
        var dayTexts = input.Days ?? [];
        if (dayTexts.Count == 0) errors.Add(("days", EventRules.PatternNoDays));
        for (var i = 0; i < dayTexts.Count; i++)
            if (ParseDays(dayTexts[i]) is { } some) days.UnionWith(some);
            else errors.Add(($"days[{i}]", EventRules.PatternBadDay(dayTexts[i] ?? "")));

        var from = Minutes("from", input.From, allowEndOfDay: false, e.IntervalMinutes, errors);
        var to = Minutes("to", input.To, allowEndOfDay: true, e.IntervalMinutes, errors);
        if (from is { } f && to is { } t && t <= f) errors.Add(("to", EventRules.PatternEndsBeforeStart));
        if (input.Agents is < 0 or > MaxAgents) errors.Add(("agents", EventRules.InHouseAgentsRange(MaxAgents)));

        var dates = Enumerable.Range(0, e.EndDate.DayNumber - e.StartDate.DayNumber + 1).Select(e.StartDate.AddDays)
            .Where(d => days.Contains(d.DayOfWeek)).ToList();
        if (days.Count > 0 && dates.Count == 0 && !errors.Any(x => x.Field.StartsWith("days", StringComparison.Ordinal)))
            errors.Add(("days", EventRules.PatternNoEventDays));
        if (errors.Count == 0)
        {
            var starts = Enumerable.Range(0, (to!.Value - from!.Value) / e.IntervalMinutes)
                .Select(k => TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(from.Value + k * e.IntervalMinutes))).ToList();
            var slots = dates.SelectMany(d => starts.Where(s => !zone.IsInvalidTime(d.ToDateTime(s))).Select(s => (Date: d, Start: s))).ToList();
            var replaced = Covered(eventId, skillId, dates, starts);
            var total = await db.InHouseIntervals.CountAsync(h => h.EventId == eventId, ct) - await replaced.CountAsync(ct) + slots.Count;
            if (total > MaxRows) errors.Add(("days", EventRules.InHouseTooManyRows(MaxRows)));
            else
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await bulk.DeleteAsync(replaced, eventId, ct);
                db.InHouseIntervals.AddRange(slots.Select(s => new InHouseInterval
                {
                    TenantId = e.TenantId, EventId = e.Id, SkillId = skillId, Date = s.Date, Start = s.Start, Agents = input.Agents,
                }));
                await db.SaveChangesAsync(ct);
                await tx.CommitAsync(ct);
                return slots.Count;
            }
        }
        throw errors.Count == 1 ? new RuleViolation(errors[0].Field, errors[0].Error) : RuleViolation.ForRows(errors);
    }

    private IQueryable<InHouseInterval> Covered(Guid eventId, Guid skillId, List<DateOnly> dates, List<TimeOnly> starts)
    {
        var first = starts[0];
        var last = starts[^1];
        return db.InHouseIntervals.Where(h => h.EventId == eventId && h.SkillId == skillId && dates.Contains(h.Date) && h.Start >= first && h.Start <= last);
    }

    private static bool SkillOf(Dictionary<string, Guid> skills, HashSet<Guid> ids, Guid? id, string? code, List<RuleError> problems, out Guid skillId)
    {
        if (id is not { } given) return EventSlots.Skill(skills, code, problems, out skillId);
        skillId = given;
        if (ids.Contains(given)) return true;
        problems.Add(EventRules.InHouseUnknownSkillId);
        return false;
    }

    /// <summary>The days of the week a pattern's day names: a day's English name, or weekdays, weekend, all.</summary>
    public static IReadOnlyList<DayOfWeek>? ParseDays(string? text)
    {
        var t = text?.Trim() ?? "";
        if (t.Equals("weekdays", StringComparison.OrdinalIgnoreCase))
            return [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
        if (t.Equals("weekend", StringComparison.OrdinalIgnoreCase) || t.Equals("weekends", StringComparison.OrdinalIgnoreCase))
            return [DayOfWeek.Saturday, DayOfWeek.Sunday];
        if (t.Equals("all", StringComparison.OrdinalIgnoreCase) || t.Equals("everyday", StringComparison.OrdinalIgnoreCase))
            return Enum.GetValues<DayOfWeek>();
        var day = WeekDays.FirstOrDefault(d => d.Equals(t, StringComparison.OrdinalIgnoreCase));
        return day is null ? null : [Enum.Parse<DayOfWeek>(day)];
    }

    private static int? Minutes(string field, string? text, bool allowEndOfDay, int intervalMinutes, List<(string, RuleError)> errors)
    {
        var t = text?.Trim() ?? "";
        int minutes;
        if (allowEndOfDay && t == "24:00") minutes = 24 * 60;
        else if (TimeOnly.TryParseExact(t, ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
            minutes = time.Hour * 60 + time.Minute;
        else
        {
            errors.Add((field, EventRules.PatternBadTime(t)));
            return null;
        }
        if (minutes % intervalMinutes == 0) return minutes;
        errors.Add((field, EventRules.PatternOffGrid(t, intervalMinutes)));
        return null;
    }
}

/// <summary>
/// Reads an in-house schedule from CSV (columns skill, date, start, agents; any order, case-insensitive) and replaces the
/// event's schedule all-or-nothing; every bad line is reported with its line number.
/// </summary>
public sealed class InHouseImport(InHouseSchedule schedule, EventOperations events)
{
    public const long MaxBytes = 20 * 1024 * 1024;
    private static readonly string[] Columns = ["skill", "date", "start", "agents"];

    public async Task<InHouseResult> RunAsync(Guid eventId, Stream csv, CancellationToken ct)
    {
        await events.LoadAsync(eventId, ct);
        var rows = new List<(string, InHouseIntervalInput)>();
        var errors = new List<RowProblem>();
        await using var reader = CsvUpload.Open(csv);
        try
        {
            await reader.ReadHeaderAsync(ct);
            if (reader.Headers.Count == 0)
                return new InHouseResult(false, 0, [new RowProblem("line 1", EventRules.InHouseEmpty)]);
            var index = Columns.ToDictionary(c => c, c => reader.TryGetFieldIndex(c, out var i) ? i : -1);
            foreach (var missing in Columns.Where(c => index[c] < 0))
                errors.Add(new RowProblem("line 1", CommonRules.CsvNoColumn(missing)));
            if (errors.Count > 0) return new InHouseResult(false, 0, errors);

            while (await reader.ReadAsync(ct))
            {
                var line = $"line {reader.LineNumber}";
                if (rows.Count + errors.Count >= InHouseSchedule.MaxRows)
                {
                    errors.Add(new RowProblem(line, EventRules.InHouseTooManyLines(InHouseSchedule.MaxRows)));
                    break;
                }
                string Field(string name) => reader.GetString(index[name]);
                var row = new InHouseIntervalInput { Skill = Field("skill"), Date = Field("date"), Start = Field("start") };
                if (int.TryParse(Field("agents"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var agents)) row.Agents = agents;
                else
                {
                    errors.Add(new RowProblem(line, EventRules.InHouseBadAgents(Field("agents"))));
                    continue;
                }
                rows.Add((line, row));
            }
        }
        catch (CsvFormatException)
        {
            errors.Add(new RowProblem($"line {Math.Max(1, reader.LineNumber)}", CommonRules.CsvMalformed));
        }
        if (rows.Count == 0 && errors.Count == 0) errors.Add(new RowProblem("line 2", EventRules.InHouseNoRows));
        var result = await schedule.ReplaceAsync(eventId, rows, errors, "rows", ct);
        // Report problems in file order.
        return result with { Errors = [.. result.Errors.OrderBy(e => e.Where.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(e.Where.AsSpan(5), out var n) ? n : 0)] };
    }
}
