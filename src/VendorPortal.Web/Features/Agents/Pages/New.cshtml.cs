using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace VendorPortal.Web.Features.Agents.Pages;

[Authorize(Policy = nameof(Permission.ManageAgents))]
public sealed class NewModel(AppDbContext db, AgentOperations agents, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty, ValidateNever] public AgentForm Input { get; set; } = new();

    public AgentFormView Form { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Input.ToInput(ModelState, nameof(Input), T) is not { } input) return Page();
        try
        {
            var agent = await agents.CreateAsync(input, ct);
            TempData["Flash"] = T["Agent {0} was added.", agent.DisplayName].Value;
            return LocalRedirect($"/t/{tenant}/agents/{agent.Id}");
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
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var picksVendor = !db.Scope!.IsVendor;
        var vendors = picksVendor
            ? await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToDictionaryAsync(v => v.Id, v => v.Name, ct)
            : new Dictionary<Guid, string>();
        var skills = await SkillOption.ListAsync(db, ct);
        Form = new AgentFormView(Input, skills, vendors, IsNew: true, PicksVendor: picksVendor);
    }
}
