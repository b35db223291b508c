using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace VendorPortal.Web.Features.Training.Pages;

[Authorize(Policy = nameof(Permission.ScheduleTraining))]
public sealed class NewModel(AppDbContext db, TrainingOperations training, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty, ValidateNever] public SessionForm Input { get; set; } = new();

    public SessionFormView Form { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // No surge event to count back from yet: suggest the afternoon two days out, in the tenant's time.
        var zone = await db.TenantZoneAsync(ct);
        var start = TenantTime.ToLocal(clock.GetUtcNow(), zone).Date.AddDays(2).AddHours(14);
        Input = new SessionForm { StartsAtLocal = start, EndsAtLocal = start.AddHours(3), Capacity = 30 };
        await LoadAsync(zone, ct);
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        await LoadAsync(await db.TenantZoneAsync(ct), ct);
        if (Input.ToInput(eventId: null, ModelState, nameof(Input), T) is not { } input) return Page();
        try
        {
            var session = await training.CreateAsync(input, ct);
            TempData["Flash"] = T["Session \"{0}\" was scheduled. Vendors can now enrol their agents.", session.Title].Value;
            return LocalRedirect($"/t/{tenant}/training/{session.Id}");
        }
        catch (RuleViolation rule)
        {
            ModelState.Add(rule, "Input");
            return Page();
        }
    }

    private async Task LoadAsync(TimeZoneInfo zone, CancellationToken ct) =>
        Form = new SessionFormView(Input, await SkillOption.ListAsync(db, ct), zone.Id, Narrow: false);
}
