using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Skills;

namespace VendorPortal.Web.Features.Training.Pages;

public sealed record EnrolCandidate(Guid Id, string DisplayName, string ExternalRef, string VendorName, IReadOnlyList<string> Skills);

public sealed class ResultRow
{
    public Guid AgentId { get; set; }
    public TrainingOutcome? Outcome { get; set; }
    public decimal? Score { get; set; }
}

public sealed class DetailsModel(
    AppDbContext db, TrainingReads reads, TrainingOperations training, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    public const int MaxCandidates = 500;

    [BindProperty, ValidateNever] public SessionForm Input { get; set; } = new();
    [BindProperty] public List<ResultRow> Results { get; set; } = [];
    [BindProperty] public List<Guid> AgentIds { get; set; } = [];
    [BindProperty] public string? CancelReason { get; set; }
    /// <summary>Narrows the enrolment checklist by name or reference.</summary>
    [FromQuery(Name = "find")] public string? Find { get; set; }

    public TrainingSessionResponse Session { get; private set; } = null!;
    public IReadOnlyList<RosterEntry> Roster { get; private set; } = [];
    public SessionPhase Phase { get; private set; }
    public SessionFormView Form { get; private set; } = null!;
    public IReadOnlyList<EnrolCandidate> Candidates { get; private set; } = [];
    public bool MoreCandidates { get; private set; }
    public IReadOnlyList<string> EnrolErrors { get; private set; } = [];
    public string? ResultsError { get; private set; }
    public string? RosterError { get; private set; }
    public string? CancelError { get; private set; }

    public bool IsVendor => db.Scope!.IsVendor;
    public bool CanPlan => db.Scope!.May(Permission.ScheduleTraining);
    public bool CanEnrol => db.Scope!.May(Permission.EnrolAgents);
    public bool EnrolmentOpen => Phase == SessionPhase.Upcoming && CanEnrol;
    /// <summary>Only before the start: afterwards an agent who stayed away is a no-show, which vendors are measured on.</summary>
    public bool CanWithdraw => EnrolmentOpen;
    public bool EditsResults => CanPlan && Phase != SessionPhase.Cancelled && Roster.Count > 0;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        Input = SessionForm.From(Session);
        Form = Form with { Input = Input };
        return Page();
    }

    public async Task<IActionResult> OnPostEditAsync(string tenant, Guid id, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        // The form does not show the event; keep the one the session prepares for.
        if (Input.ToInput(Session.EventId, ModelState, nameof(Input), T) is not { } input) return Page();
        try
        {
            await training.UpdateAsync(id, input, ct);
        }
        catch (RuleViolation rule)
        {
            ModelState.Add(rule, nameof(Input));
            return Page();
        }
        return Done(tenant, id, T["Your changes were saved."]);
    }

    public async Task<IActionResult> OnPostCancelAsync(string tenant, Guid id, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (string.IsNullOrWhiteSpace(CancelReason) || CancelReason.Trim().Length > 400)
        {
            CancelError = T["Give a reason of up to 400 characters; enrolled vendors receive it."];
            return Reshow();
        }
        await training.CancelAsync(id, CancelReason, ct);
        return Done(tenant, id, T["The session was cancelled. Vendors with enrolled agents are told why."]);
    }

    public async Task<IActionResult> OnPostEnrolAsync(string tenant, Guid id, CancellationToken ct)
    {
        if (!CanEnrol) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        if (AgentIds.Count == 0)
        {
            EnrolErrors = [T["Tick the agents to enrol first."]];
            return Reshow();
        }
        try
        {
            await training.EnrollAsync(id, AgentIds, ct);
        }
        catch (RuleViolation rule)
        {
            EnrolErrors = [.. rule.Error.Parts.Select(p => p.Text())];
            return Reshow();
        }
        return Done(tenant, id, T["{0} agents were enrolled.", AgentIds.Distinct().Count()]);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(string tenant, Guid id, Guid agentId, CancellationToken ct)
    {
        if (!CanEnrol) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        var agent = Roster.FirstOrDefault(r => r.AgentId == agentId);
        if (agent is not null && !CanWithdraw)
        {
            RosterError = T["Agents can be withdrawn only before the session starts; afterwards record them as a no-show."];
            return Reshow();
        }
        if (agent is null) return NotFound();
        try
        {
            await training.WithdrawAsync(id, agentId, ct);
        }
        catch (RuleViolation rule)
        {
            RosterError = rule.Error.Text();
            return Reshow();
        }
        return Done(tenant, id, T["{0} was withdrawn; the seat is free again.", agent.DisplayName]);
    }

    public async Task<IActionResult> OnPostResultsAsync(string tenant, Guid id, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        if (!await LoadAsync(id, ct)) return NotFound();
        var recorded = Roster.ToDictionary(r => r.AgentId);
        var changed = new List<ResultInput>();
        for (var i = 0; i < Results.Count; i++)
        {
            var row = Results[i];
            if (row.Score is < 0 or > 100)
                ModelState.AddModelError($"{nameof(Results)}[{i}].{nameof(ResultRow.Score)}", T["Enter a value from {0} to {1}.", 0, 100]);
            else if (row.Outcome is null && row.Score is not null)
                ModelState.AddModelError($"{nameof(Results)}[{i}].{nameof(ResultRow.Outcome)}", T["Choose an outcome for this score."]);
            else if (row.Outcome is { } outcome && recorded.TryGetValue(row.AgentId, out var entry)
                     && (entry.Outcome != outcome || entry.Score != row.Score))
                changed.Add(new ResultInput(row.AgentId, outcome, row.Score));
        }
        if (!ModelState.IsValid)
        {
            ResultsError = T["Some rows need a fix; nothing was saved."];
            return Reshow();
        }
        if (changed.Count == 0)
        {
            ResultsError = T["No result changed. Choose an outcome for the agents who took part."];
            return Reshow();
        }
        try
        {
            await training.RecordResultsAsync(id, changed, ct);
        }
        catch (RuleViolation rule)
        {
            ResultsError = rule.Error.Text();
            return Reshow();
        }
        return Done(tenant, id, T["Results saved for {0} agents.", changed.Count]);
    }

    /// <summary>The result a roster row shows: what was just posted when the page comes back refused, otherwise what is stored.</summary>
    public (TrainingOutcome? Outcome, decimal? Score) ResultShown(RosterEntry entry) =>
        Results.FirstOrDefault(r => r.AgentId == entry.AgentId) is { } posted ? (posted.Outcome, posted.Score) : (entry.Outcome, entry.Score);

    private IActionResult Done(string tenant, Guid id, string message)
    {
        TempData["Flash"] = message;
        return LocalRedirect($"/t/{tenant}/training/{id}");
    }

    /// <summary>Shows the page again after a refused action, with the session form as stored.</summary>
    private PageResult Reshow()
    {
        Input = SessionForm.From(Session);
        Form = Form with { Input = Input };
        return Page();
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken ct)
    {
        if (await reads.DetailAsync(id, ct) is not { } detail) return false;
        Session = detail.Session;
        Roster = detail.Roster;
        Phase = SessionPhases.Of(Session, clock.GetUtcNow());
        Form = new SessionFormView(Input, await SkillOption.ListAsync(db, ct), (await db.TenantZoneAsync(ct)).Id, Narrow: true);
        if (EnrolmentOpen) await LoadCandidatesAsync(id, ct);
        return true;
    }

    /// <summary>Active agents with one of the session's skills who are not on the roster yet.</summary>
    private async Task LoadCandidatesAsync(Guid id, CancellationToken ct)
    {
        var codes = await SkillCodes.ByIdAsync(db, ct);
        var sessionSkills = codes.Where(c => Session.Skills.Contains(c.Value)).Select(c => c.Key).ToHashSet();
        var vendors = await db.Vendors.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var enrolled = db.TrainingEnrollments.Where(e => e.SessionId == id).Select(e => e.AgentId);
        var query = db.Agents.AsNoTracking().Where(a => a.Status == AgentStatus.Active && !enrolled.Contains(a.Id));
        if (!string.IsNullOrWhiteSpace(Find))
        {
            var pattern = Like.Containing(Find);
            query = query.Where(a => EF.Functions.Like(a.DisplayName.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(a.ExternalRef.ToLower(), pattern, Like.EscapeCharacter));
        }
        // Skill ids are a JSON list per agent: match them in memory.
        var matching = (await query.OrderBy(a => a.DisplayName).ThenBy(a => a.ExternalRef)
                .Select(a => new { a.Id, a.DisplayName, a.ExternalRef, a.VendorId, a.SkillIds })
                .ToListAsync(ct))
            .Where(a => a.SkillIds.Any(sessionSkills.Contains))
            .Take(MaxCandidates + 1)
            .Select(a => new EnrolCandidate(a.Id, a.DisplayName, a.ExternalRef, vendors.GetValueOrDefault(a.VendorId, ""), a.SkillIds.Codes(codes)))
            .ToList();
        MoreCandidates = matching.Count > MaxCandidates;
        Candidates = [.. matching.Take(MaxCandidates)];
    }
}
