using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace VendorPortal.Web.Features.Skills.Pages;

public sealed class IndexModel(AppDbContext db, SkillOperations skills, SkillList list, IStringLocalizer<SharedResource> T) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [BindProperty, ValidateNever] public SkillInput Input { get; set; } = new();

    public Paged<SkillResponse> Skills { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public bool CanManage => db.Scope!.May(Permission.ManageSkills);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (ModelState.Validate(new SkillInputValidator(), Input, nameof(Input), T))
        {
            try
            {
                var skill = await skills.CreateAsync(Input, ct);
                TempData["Flash"] = T["Skill {0} was added.", skill.Code].Value;
                return LocalRedirect($"/t/{tenant}/skills");
            }
            catch (RuleViolation rule)
            {
                ModelState.Add(rule, nameof(Input));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Skills = await list.PageAsync(PortalPageRequest.Of(PageNumber, PageSize), ct);
}
