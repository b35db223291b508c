using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.ApiKeys.Pages;

public sealed record KeyVendorOption(Guid Id, string Name);

[Authorize(Policy = nameof(Permission.ManageApiKeys))]
public sealed class IndexModel(
    AppDbContext db, ApiKeyOperations keys, ApiKeyList list, TenantSettingsOperations settings, IStringLocalizer<SharedResource> T) : PageModel
{
    public static readonly string[] KeyRoles = [TenantRoles.VendorManager, TenantRoles.Planner, TenantRoles.Finance];

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [BindProperty, ValidateNever] public ApiKeyInput Input { get; set; } = new();

    public Paged<ApiKeyRow> Keys { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<KeyVendorOption> Vendors { get; private set; } = [];
    public TenantTime Time { get; private set; } = TenantTime.Utc;
    public string? CreatedKey { get; private set; }
    public string? CreatedKeyName { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (Input.Role != TenantRoles.VendorManager) Input.VendorId = null;
        if (ModelState.Validate(new ApiKeyInputValidator(), Input, nameof(Input), T))
        {
            try
            {
                var created = await keys.CreateAsync(Input, ct);
                CreatedKey = created.PlainTextKey;
                CreatedKeyName = created.Key.Name;
                Response.Headers.CacheControl = "no-store";
                Input = new ApiKeyInput();
                ModelState.Clear();
            }
            catch (RuleViolation rule)
            {
                ModelState.Add(rule, nameof(Input));
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(string tenant, Guid id, CancellationToken ct)
    {
        try
        {
            await keys.RevokeAsync(id, ct);
        }
        catch (NotFound)
        {
            return NotFound();
        }
        TempData["Flash"] = T["The API key was revoked. Systems using it are refused from now on."].Value;
        return LocalRedirect($"/t/{tenant}/api-keys");
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Take(PageRequest.MaxPageSize)
            .Select(v => new KeyVendorOption(v.Id, v.Name)).ToListAsync(ct);
        Keys = await list.PageAsync(PortalPageRequest.Of(PageNumber, PageSize), ct);
    }
}
