using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Webhooks.Pages;

/// <summary>One endpoint: its settings, its secret behind a reveal, the delivery log, and test, replay, rotate and delete.</summary>
[Authorize(Policy = nameof(Permission.ManageWebhooks))]
public sealed class EndpointModel(AppDbContext db, AccessScopeAccessor scope, WebhookOperations webhooks, WebhookList list,
    TenantSettingsOperations settings, IStringLocalizer<SharedResource> T) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [BindProperty, ValidateNever] public WebhookInput Input { get; set; } = new();

    public WebhookEndpoint Endpoint { get; private set; } = null!;
    public string? VendorName { get; private set; }
    public Paged<WebhookDeliveryRow> Deliveries { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<WebhookVendorOption> Vendors { get; private set; } = [];
    public TenantTime Time { get; private set; } = TenantTime.Utc;

    public async Task<IActionResult> OnGetAsync(Guid webhookId, CancellationToken ct)
    {
        if (!await LoadAsync(webhookId, ct)) return NotFound();
        Input = new WebhookInput
        {
            Url = Endpoint.Url, Description = Endpoint.Description, EventTypes = Endpoint.EventTypes, Enabled = Endpoint.Enabled, VendorId = Endpoint.VendorId,
        };
        Response.Headers.CacheControl = "no-store";
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string tenant, Guid webhookId, CancellationToken ct)
    {
        if (ModelState.Validate(new WebhookInputValidator(), Input, nameof(Input), T))
        {
            try
            {
                await webhooks.UpdateAsync(webhookId, Input, ct);
                TempData["Flash"] = T["The endpoint was saved."].Value;
                return LocalRedirect($"/t/{tenant}/webhooks/{webhookId}");
            }
            catch (NotFound)
            {
                return NotFound();
            }
            catch (RuleViolation rule)
            {
                ModelState.Add(rule, nameof(Input));
            }
        }
        if (!await LoadAsync(webhookId, ct)) return NotFound();
        return Page();
    }

    public Task<IActionResult> OnPostTestAsync(string tenant, Guid webhookId, CancellationToken ct) =>
        ActAsync(tenant, webhookId, () => webhooks.TestAsync(webhookId, ct), T["A webhook.test event is on its way; it appears in the log below."]);

    public Task<IActionResult> OnPostReplayAsync(string tenant, Guid webhookId, Guid deliveryId, CancellationToken ct) =>
        ActAsync(tenant, webhookId, () => webhooks.ReplayAsync(webhookId, deliveryId, ct), T["The delivery is sent again, with the same message id."]);

    public Task<IActionResult> OnPostRotateAsync(string tenant, Guid webhookId, CancellationToken ct) =>
        ActAsync(tenant, webhookId, () => webhooks.RotateSecretAsync(webhookId, ct), T["A new secret signs every delivery from now on. Give it to the receiver."]);

    public async Task<IActionResult> OnPostDeleteAsync(string tenant, Guid webhookId, CancellationToken ct)
    {
        try
        {
            await webhooks.DeleteAsync(webhookId, ct);
        }
        catch (NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = T["The endpoint was deleted."].Value;
        return LocalRedirect($"/t/{tenant}/webhooks");
    }

    private async Task<IActionResult> ActAsync<TResult>(string tenant, Guid webhookId, Func<Task<TResult>> act, string done)
    {
        try
        {
            await act();
            TempData["Flash"] = done;
        }
        catch (NotFound)
        {
            return NotFound();
        }
        catch (RuleViolation rule)
        {
            TempData["Flash"] = rule.Error.Text();
        }
        return LocalRedirect($"/t/{tenant}/webhooks/{webhookId}");
    }

    private async Task<bool> LoadAsync(Guid webhookId, CancellationToken ct)
    {
        var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleOrDefaultAsync(e => e.Id == webhookId, ct);
        if (endpoint is null) return false;
        Endpoint = endpoint;
        VendorName = endpoint.VendorId is { } vendorId ? await db.Vendors.Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(ct) : null;
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        if (!scope.Required.IsVendor)
            Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Take(PageRequest.MaxPageSize)
                .Select(v => new WebhookVendorOption(v.Id, v.Name)).ToListAsync(ct);
        Deliveries = await list.DeliveriesAsync(webhookId, PortalPageRequest.Of(PageNumber, PageSize), ct);
        return true;
    }
}
