using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace VendorPortal.Web.Features.Events.Pages;

public sealed class IndexModel(AppDbContext db, EventOperations events, EventList list, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [BindProperty, ValidateNever] public EventInput Input { get; set; } = new();

    public Paged<EventResponse> Events { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public bool CanPlan => db.Scope!.May(Permission.PlanEvents);
    public bool ShowForm { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var today = DateOnly.FromDateTime(TenantTime.ToLocal(clock.GetUtcNow(), zone).DateTime);
        Input = new EventInput { StartDate = today.AddDays(14), EndDate = today.AddDays(16), Shrinkage = 0.3 };
        await LoadAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        ShowForm = true;
        if (!ModelState.Validate(new EventInputValidator(), Input, nameof(Input), T))
        {
            await LoadAsync(ct);
            return Page();
        }
        var e = await events.CreateAsync(Input, ct);
        TempData["Flash"] = T["Event {0} was created. Upload its forecast next.", e.Name].Value;
        return LocalRedirect($"/t/{tenant}/events/{e.Id}");
    }

    private async Task LoadAsync(CancellationToken ct) =>
        Events = await list.PageAsync(new EventFilter(), PortalPageRequest.Of(PageNumber, PageSize), ct);
}
