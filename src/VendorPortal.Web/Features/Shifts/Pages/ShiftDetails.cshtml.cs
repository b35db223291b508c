using Microsoft.AspNetCore.Mvc;
using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Shifts.Pages;

public sealed record AssignCandidate(Guid Id, string DisplayName, string ExternalRef, bool Trained);

public sealed class DecisionRow
{
    public Guid AssignmentId { get; set; }
    /// <summary>Empty leaves the assignment as it is.</summary>
    public Decision? Decision { get; set; }
    public string? Reason { get; set; }
}

public sealed class AttendanceRow
{
    public Guid AssignmentId { get; set; }
    public bool? Attended { get; set; }
}

[Authorize(Policy = nameof(Permission.ReadShifts))]
public sealed class ShiftDetailsModel(
    AppDbContext db, ShiftReads reads, ShiftOperations shifts, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public const int MaxCandidates = 500;

    [BindProperty] public List<Guid> AgentIds { get; set; } = [];
    [BindProperty] public List<DecisionRow> Decisions { get; set; } = [];
    [BindProperty] public List<AttendanceRow> Attendance { get; set; } = [];
    [BindProperty] public string? CancelReason { get; set; }
    [BindProperty] public DateTime? MoveStartsAt { get; set; }
    [BindProperty] public DateTime? MoveEndsAt { get; set; }
    /// <summary>"Confirm all undecided": every agent still undecided is confirmed along with the choices made below.</summary>
    [BindProperty] public bool ConfirmAll { get; set; }
    /// <summary>A phone's one-tap buttons: this assignment alone is confirmed or declined.</summary>
    [BindProperty] public Guid? ConfirmOne { get; set; }
    [BindProperty] public Guid? DeclineOne { get; set; }

    public ShiftResponse Shift { get; private set; } = null!;
    /// <summary>Undecided agents first, then confirmed, declined and released; by name within each.</summary>
    public IReadOnlyList<AssignmentResponse> Assignments { get; private set; } = [];
    public ShiftPhase Phase { get; private set; }
    public string ZoneId { get; private set; } = "";
    public DateTimeOffset Now { get; private set; }
    public IReadOnlyList<AssignCandidate> Candidates { get; private set; } = [];
    public bool MoreCandidates { get; private set; }
    public IReadOnlyList<string> AssignErrors { get; private set; } = [];
    /// <summary>Why an agent ticked for assignment was refused, by agent.</summary>
    public IReadOnlyDictionary<Guid, string> CandidateProblems { get; private set; } = new Dictionary<Guid, string>();
    public string? GridError { get; private set; }
    /// <summary>Why a decision or attendance row was refused, by assignment.</summary>
    public Dictionary<Guid, string> RowProblems { get; } = [];
    public string? CancelError { get; private set; }
    public string? MoveError { get; private set; }

    public bool IsVendor => db.Scope!.IsVendor;
    public bool CanPlan => db.Scope!.May(Permission.ScheduleShifts);
    public bool CanAssign => db.Scope!.May(Permission.AssignAgents) && Phase == ShiftPhase.Upcoming;
    public bool CanDecide => db.Scope!.May(Permission.ConfirmAssignments) && Phase == ShiftPhase.Upcoming && Assignments.Any(a => a.Status.HoldsAPlace());
    public bool CanRecordAttendance => db.Scope!.May(Permission.RecordAttendance) && Phase is ShiftPhase.Running or ShiftPhase.Over && Assignments.Any(a => a.Status == AssignmentStatus.Confirmed);
    public bool CanCancel => CanPlan && Phase == ShiftPhase.Upcoming;
    public bool CanMove => CanCancel;
    public bool Started => Phase is ShiftPhase.Running or ShiftPhase.Over;
    public int PlacesLeft => Math.Max(0, Shift.Limit - Shift.Assigned);

    public async Task<IActionResult> OnGetAsync(Guid shiftId, CancellationToken ct) =>
        await LoadAsync(shiftId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAssignAsync(string tenant, Guid shiftId, CancellationToken ct)
    {
        if (!db.Scope!.May(Permission.AssignAgents)) return Forbid();
        if (!await LoadAsync(shiftId, ct)) return NotFound();
        if (AgentIds.Count == 0)
        {
            AssignErrors = [T["Tick the agents to assign first."]];
            return Page();
        }
        var ids = AgentIds.Distinct().ToList();
        try
        {
            await shifts.AssignAsync(shiftId, ids, ct);
        }
        catch (RuleViolation rule)
        {
            var problems = new Dictionary<Guid, string>();
            foreach (var (field, error) in rule.Rows)
                if (RuleViolation.RowOf(field) is { } row && row < ids.Count) problems.TryAdd(ids[row], error.Text());
            CandidateProblems = problems;
            AssignErrors = problems.Count > 0 ? [.. problems.Select(p => NamedProblem(p.Key, p.Value))] : [rule.Error.Text()];
            return Page();
        }
        TempData["Flash"] = T["{0} agents were assigned. Confirm each one once they have agreed to work the shift.", ids.Count].Value;
        return LocalRedirect($"/t/{tenant}/shifts/{shiftId}");
    }

    public async Task<IActionResult> OnPostDecideAsync(string tenant, Guid shiftId, CancellationToken ct)
    {
        if (!db.Scope!.May(Permission.ConfirmAssignments)) return Forbid();
        if (!await LoadAsync(shiftId, ct)) return NotFound();
        var current = Assignments.ToDictionary(a => a.Id);
        var changed = Wanted(current)
            .Where(d => d.Decision is { } decision && current.TryGetValue(d.AssignmentId, out var a)
                && a.Status != (decision == Decision.Confirm ? AssignmentStatus.Confirmed : AssignmentStatus.Declined))
            .Select(d => new ConfirmationInput { AssignmentId = d.AssignmentId, Decision = d.Decision!.Value, Reason = d.Reason?.Trim() })
            .ToList();
        if (changed.Count == 0)
        {
            GridError = T["Nothing changed. Choose confirm or decline for at least one agent."];
            return Page();
        }
        var request = new RecordConfirmationsRequest { Decisions = changed };
        if (!ModelState.Validate(new RecordConfirmationsValidator(), request, "", T, field => RowKey(field, changed.Select(c => c.AssignmentId).ToList())))
        {
            GridError = T["Some rows need a fix; nothing was changed."];
            return Page();
        }
        ConfirmationResult result;
        try
        {
            result = await shifts.DecideAsync(changed, ct);
        }
        catch (RuleViolation rule)
        {
            RowErrors(rule, [.. changed.Select(c => c.AssignmentId)]);
            return Page();
        }
        var flash = T["{0} confirmed, {1} declined.", result.Confirmed, result.Declined].Value;
        if (result.Late > 0) flash += " " + T["{0} of these came after the confirm-by time and are marked late.", result.Late].Value;
        TempData["Flash"] = flash;
        return LocalRedirect($"/t/{tenant}/shifts/{shiftId}");
    }

    public async Task<IActionResult> OnPostAttendanceAsync(string tenant, Guid shiftId, CancellationToken ct)
    {
        if (!db.Scope!.May(Permission.RecordAttendance)) return Forbid();
        if (!await LoadAsync(shiftId, ct)) return NotFound();
        var current = Assignments.ToDictionary(a => a.Id);
        var changed = Attendance
            .Where(r => r.Attended is { } attended && current.TryGetValue(r.AssignmentId, out var a) && a.Attended != attended)
            .Select(r => new AttendanceInput { AssignmentId = r.AssignmentId, Attended = r.Attended!.Value })
            .ToList();
        if (changed.Count == 0)
        {
            GridError = T["Nothing changed. Mark each confirmed agent as attended or no-show."];
            return Page();
        }
        AttendanceResult result;
        try
        {
            result = await shifts.RecordAttendanceAsync(changed, ct);
        }
        catch (RuleViolation rule)
        {
            RowErrors(rule, [.. changed.Select(c => c.AssignmentId)]);
            return Page();
        }
        TempData["Flash"] = T["Attendance saved: {0} attended, {1} no-shows.", result.Attended, result.NoShows].Value;
        return LocalRedirect($"/t/{tenant}/shifts/{shiftId}");
    }

    public async Task<IActionResult> OnPostCancelAsync(string tenant, Guid shiftId, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        if (!await LoadAsync(shiftId, ct)) return NotFound();
        var input = new CancelInput { Reason = CancelReason?.Trim() ?? "" };
        if (!ModelState.Validate(new CancelInputValidator(), input, "", T, _ => nameof(CancelReason)))
        {
            CancelError = ModelState[nameof(CancelReason)]!.Errors[0].ErrorMessage;
            return Page();
        }
        try
        {
            await shifts.CancelAsync(shiftId, input.Reason, ct);
        }
        catch (RuleViolation rule)
        {
            CancelError = rule.Error.Text();
            return Page();
        }
        TempData["Flash"] = T["The shift was cancelled. Its agents are released and the vendor is told why."].Value;
        return LocalRedirect($"/t/{tenant}/shifts/{shiftId}");
    }

    public async Task<IActionResult> OnPostMoveAsync(string tenant, Guid shiftId, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        if (!await LoadAsync(shiftId, ct)) return NotFound();
        var times = new LocalTimes(MoveStartsAt ?? default, MoveEndsAt ?? default);
        if (!ModelState.Validate<IShiftTimes>(new ShiftTimesValidator(), times, "", T, _ => nameof(MoveStartsAt)))
        {
            MoveError = ModelState[nameof(MoveStartsAt)]!.Errors[0].ErrorMessage;
            return Page();
        }
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(ZoneId);
            await shifts.MoveAsync(shiftId, TenantTime.ToInstant(times.StartsAtLocal, zone, "startsAt"),
                TenantTime.ToInstant(times.EndsAtLocal, zone, "endsAt"), ct);
        }
        catch (RuleViolation rule)
        {
            MoveError = rule.Error.Text();
            return Page();
        }
        TempData["Flash"] = T["The shift was moved. The vendor is told, and confirmed agents are asked to confirm again."].Value;
        return LocalRedirect($"/t/{tenant}/shifts/{shiftId}");
    }

    /// <summary>
    /// The decisions asked for: one tapped row, or the grid's rows (with every undecided one confirmed for "confirm all").
    /// A one-tap decline gives the reason typed in its row or, as nobody types on a phone's single tap, the standard one.
    /// </summary>
    private IEnumerable<DecisionRow> Wanted(IReadOnlyDictionary<Guid, AssignmentResponse> current)
    {
        if (ConfirmOne is { } confirm) return [new DecisionRow { AssignmentId = confirm, Decision = Decision.Confirm }];
        if (DeclineOne is { } decline)
        {
            var typed = Posted(decline)?.Reason;
            return [new DecisionRow { AssignmentId = decline, Decision = Decision.Decline, Reason = string.IsNullOrWhiteSpace(typed) ? T["Not available for this shift"] : typed }];
        }
        if (!ConfirmAll) return Decisions;
        return Decisions.Select(d => d.Decision is null && current.TryGetValue(d.AssignmentId, out var a) && a.Status == AssignmentStatus.Assigned
            ? new DecisionRow { AssignmentId = d.AssignmentId, Decision = Decision.Confirm }
            : d);
    }

    /// <summary>The move form's times, as typed in the tenant's time.</summary>
    private sealed record LocalTimes(DateTime StartsAtLocal, DateTime EndsAtLocal) : IShiftTimes;

    public string? RowProblem(Guid assignmentId) =>
        RowProblems.GetValueOrDefault(assignmentId) ?? ModelState[$"row-{assignmentId}"]?.Errors.FirstOrDefault()?.ErrorMessage;

    /// <summary>The decision a row shows: what was just posted when the page comes back refused, otherwise none.</summary>
    public DecisionRow? Posted(Guid assignmentId) => Decisions.FirstOrDefault(d => d.AssignmentId == assignmentId);

    /// <summary>The attendance a row shows: what was just posted when the page comes back refused, otherwise what is stored.</summary>
    public bool? AttendanceShown(AssignmentResponse a) =>
        Attendance.FirstOrDefault(r => r.AssignmentId == a.Id) is { } posted ? posted.Attended : a.Attended;

    private string NamedProblem(Guid agentId, string message)
    {
        var agent = Candidates.FirstOrDefault(c => c.Id == agentId);
        // The operation names the agent itself when it knows them.
        return agent is null || message.Contains(agent.DisplayName, StringComparison.Ordinal) ? message : $"{agent.DisplayName} ({agent.ExternalRef}): {message}";
    }

    /// <summary>"[2].reason" names the third changed row: its error goes beside that assignment.</summary>
    private void RowErrors(RuleViolation rule, IReadOnlyList<Guid> rows)
    {
        foreach (var (field, error) in rule.Rows)
            if (RuleViolation.RowOf(field) is { } row && row < rows.Count) RowProblems.TryAdd(rows[row], error.Text());
        GridError = rule.Error.Text();
    }

    private static string RowKey(string field, IReadOnlyList<Guid> rows) =>
        RuleViolation.RowOf(field) is { } row && row < rows.Count ? $"row-{rows[row]}" : "";

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        ShiftDetail detail;
        try
        {
            detail = await reads.ShiftAsync(id, ct);
        }
        catch (NotFound)
        {
            return false;
        }
        Shift = detail.Shift;
        Assignments = [.. detail.Assignments.OrderBy(a => a.Status switch
        {
            AssignmentStatus.Assigned => 0,
            AssignmentStatus.Confirmed => 1,
            AssignmentStatus.Declined => 2,
            _ => 3,
        })];
        Now = clock.GetUtcNow();
        Phase = ShiftLabels.PhaseOf(Shift, Now);
        ZoneId = (await db.TenantZoneAsync(ct)).Id;
        if (CanAssign) await LoadCandidatesAsync(ct);
        return true;
    }

    /// <summary>The vendor's active agents with the shift's skill who are not on it already.</summary>
    private async Task LoadCandidatesAsync(CancellationToken ct)
    {
        var skillId = await db.Skills.Where(s => s.Code == Shift.Skill).Select(s => s.Id).SingleOrDefaultAsync(ct);
        var holding = Assignments.Where(a => a.Status.HoldsAPlace()).Select(a => a.AgentId).ToHashSet();
        // Skill ids are a JSON list per agent: match them in memory.
        var matching = (await db.Agents.AsNoTracking()
                .Where(a => a.Status == AgentStatus.Active && a.VendorId == Shift.VendorId)
                .OrderBy(a => a.DisplayName).ThenBy(a => a.ExternalRef)
                .Select(a => new { a.Id, a.DisplayName, a.ExternalRef, a.SkillIds })
                .ToListAsync(ct))
            .Where(a => a.SkillIds.Contains(skillId) && !holding.Contains(a.Id))
            .Take(MaxCandidates + 1)
            .ToList();
        MoreCandidates = matching.Count > MaxCandidates;
        var shown = matching.Take(MaxCandidates).ToList();
        var trained = await TrainingQueries.TrainedForAsync(db, [.. shown.Select(a => a.Id)], Now, ct);
        Candidates = [.. shown.Select(a => new AssignCandidate(a.Id, a.DisplayName, a.ExternalRef,
            TrainingQueries.IsTrainedFor(trained.GetValueOrDefault(a.Id), Shift.EventId, Shift.Skill)))];
    }
}
