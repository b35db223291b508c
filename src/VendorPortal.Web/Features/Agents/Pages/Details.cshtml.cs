using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Skills;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Agents.Pages;

public sealed record TrainingHistoryRow(
    Guid SessionId, string Title, DateTimeOffset StartsAt, TrainingSessionStatus SessionStatus,
    IReadOnlyList<string> Skills, TrainingOutcome? Outcome, decimal? Score);

public sealed class DetailsModel(
    AppDbContext db, AgentOperations agents, TenantSettingsOperations settings, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty, ValidateNever] public AgentForm Input { get; set; } = new();

    public AgentResponse Agent { get; private set; } = null!;
    public string VendorName { get; private set; } = "";
    public AgentFormView Form { get; private set; } = null!;
    public IReadOnlyList<TrainingHistoryRow> History { get; private set; } = [];
    public TenantTime Time { get; private set; } = TenantTime.Utc;
    public bool CanWrite => db.Scope!.May(Permission.ManageAgents);

    public async Task<IActionResult> OnGetAsync(Guid agentId, CancellationToken ct)
    {
        if (!await LoadAsync(agentId, ct)) return NotFound();
        Input = AgentForm.From(Agent);
        Form = Form with { Input = Input };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string tenant, Guid agentId, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        if (!await LoadAsync(agentId, ct)) return NotFound();
        // The reference never changes, whatever the browser sent.
        Input.ExternalRef = Agent.ExternalRef;
        if (Input.ToInput(ModelState, nameof(Input), T) is not { } input) return Page();
        try
        {
            await agents.UpdateAsync(agentId, input, ct);
        }
        catch (NotFound)
        {
            return NotFound();
        }
        catch (RuleViolation rule)
        {
            ModelState.Add(rule, nameof(Input), AgentMessages.For(rule, T));
            return Page();
        }
        TempData["Flash"] = T["Your changes were saved."].Value;
        return LocalRedirect($"/t/{tenant}/agents/{agentId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string tenant, Guid agentId, CancellationToken ct)
    {
        if (!CanWrite) return Forbid();
        if (!await LoadAsync(agentId, ct)) return NotFound();
        try
        {
            await agents.DeleteAsync(agentId, ct);
        }
        catch (NotFound)
        {
            return NotFound();
        }
        if (await db.Agents.AnyAsync(a => a.Id == agentId, ct))
        {
            TempData["Flash"] = T["{0} has training history, so the agent was kept and marked as left.", Agent.DisplayName].Value;
            return LocalRedirect($"/t/{tenant}/agents/{agentId}");
        }
        TempData["Flash"] = T["Agent {0} was deleted.", Agent.DisplayName].Value;
        return LocalRedirect($"/t/{tenant}/agents");
    }

    private async Task<bool> LoadAsync(Guid agentId, CancellationToken ct)
    {
        if (await agents.FindAsync(agentId, ct) is not { } agent) return false;
        Agent = agent;
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        VendorName = await db.Vendors.Where(v => v.Id == agent.VendorId).Select(v => v.Name).SingleAsync(ct);
        var skills = await SkillOption.ListAsync(db, ct);
        Form = new AgentFormView(Input, skills, new Dictionary<Guid, string>(), IsNew: false, PicksVendor: false);

        var codes = await SkillCodes.ByIdAsync(db, ct);
        var rows = await db.TrainingEnrollments.AsNoTracking()
            .Where(e => e.AgentId == agentId)
            .OrderByDescending(e => e.Session!.StartsAt)
            .Select(e => new { e.SessionId, e.Session!.Title, e.Session.StartsAt, e.Session.Status, e.Session.SkillIds, e.Outcome, e.Score })
            .ToListAsync(ct);
        History = [.. rows.Select(r => new TrainingHistoryRow(r.SessionId, r.Title, r.StartsAt, r.Status, r.SkillIds.Codes(codes), r.Outcome, r.Score))];
        return true;
    }
}
