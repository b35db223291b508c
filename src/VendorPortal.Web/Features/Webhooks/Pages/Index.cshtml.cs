using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Webhooks.Pages;

public sealed record WebhookVendorOption(Guid Id, string Name);

/// <summary>The endpoints the person manages, and a form to add one.</summary>
[Authorize(Policy = nameof(Permission.ManageWebhooks))]
public sealed class IndexModel(AppDbContext db, AccessScopeAccessor scope, WebhookOperations webhooks, WebhookList list,
    TenantSettingsOperations settings, IStringLocalizer<SharedResource> T) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [BindProperty, ValidateNever] public WebhookInput Input { get; set; } = new();

    public Paged<WebhookRow> Endpoints { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    /// <summary>Vendors an admin or planner may give an endpoint to; empty for a vendor manager, whose endpoints are their vendor's.</summary>
    public IReadOnlyList<WebhookVendorOption> Vendors { get; private set; } = [];
    public TenantTime Time { get; private set; } = TenantTime.Utc;

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(string tenant, CancellationToken ct)
    {
        if (ModelState.Validate(new WebhookInputValidator(), Input, nameof(Input), T))
        {
            try
            {
                var created = await webhooks.CreateAsync(Input, ct);
                TempData["Flash"] = T["The endpoint was added. Its signing secret is on its page."].Value;
                return LocalRedirect($"/t/{tenant}/webhooks/{created.Id}");
            }
            catch (RuleViolation rule)
            {
                ModelState.Add(rule, nameof(Input));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        if (!scope.Required.IsVendor)
            Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Take(PageRequest.MaxPageSize)
                .Select(v => new WebhookVendorOption(v.Id, v.Name)).ToListAsync(ct);
        Endpoints = await list.PageAsync(PortalPageRequest.Of(PageNumber, PageSize), ct);
    }
}
