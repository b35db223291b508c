using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Vendors.Pages;

public sealed record VendorUser(string DisplayName, string Email);

public sealed class DetailsModel(
    AppDbContext db, VendorOperations vendors, TenantSettingsOperations settings, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty, ValidateNever] public VendorInput Input { get; set; } = new();

    public VendorResponse Vendor { get; private set; } = null!;
    public IReadOnlyList<VendorUser> Users { get; private set; } = [];
    public TenantTime Time { get; private set; } = TenantTime.Utc;
    public bool CanManage => db.Scope!.May(Permission.ManageVendors);
    /// <summary>A vendor manager reaches only their own vendor, so the page leads back to no list.</summary>
    public bool IsVendorManager => db.Scope!.Role == TenantRole.VendorManager;
    public string? DeleteError { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid vendorId, CancellationToken ct)
    {
        if (!await LoadAsync(vendorId, ct)) return NotFound();
        Input = InputOf(Vendor);
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string tenant, Guid vendorId, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (!await LoadAsync(vendorId, ct)) return NotFound();
        if (!ModelState.Validate(new VendorInputValidator(), Input, nameof(Input), T)) return Page();
        try
        {
            await vendors.UpdateAsync(vendorId, Input, ct);
        }
        catch (NotFound)
        {
            return NotFound();
        }
        catch (RuleViolation rule)
        {
            ModelState.Add(rule, nameof(Input));
            return Page();
        }
        TempData["Flash"] = T["Your changes were saved."].Value;
        return LocalRedirect($"/t/{tenant}/vendors/{vendorId}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(string tenant, Guid vendorId, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (!await LoadAsync(vendorId, ct)) return NotFound();
        try
        {
            await vendors.DeleteAsync(vendorId, ct);
        }
        catch (NotFound)
        {
            return NotFound();
        }
        catch (RuleViolation rule)
        {
            DeleteError = rule.Error.Text();
            Input = InputOf(Vendor);
            return Page();
        }
        catch (DbUpdateException)
        {
            // The operation checks only users; invitations and API keys still holding the vendor fail at the foreign key.
            DeleteError = T["This vendor is still in use by invitations or API keys. Set it inactive instead."];
            Input = InputOf(Vendor);
            return Page();
        }
        TempData["Flash"] = T["Vendor {0} was deleted.", Vendor.Name].Value;
        return LocalRedirect($"/t/{tenant}/vendors");
    }

    private static VendorInput InputOf(VendorResponse v) => new()
    {
        Name = v.Name,
        ContactName = v.ContactName,
        ContactEmail = v.ContactEmail,
        ContactPhone = v.ContactPhone,
        Status = v.Status,
        Notes = v.Notes,
    };

    private async Task<bool> LoadAsync(Guid vendorId, CancellationToken ct)
    {
        var vendor = await db.Vendors.AsNoTracking().Where(v => v.Id == vendorId)
            .Select(VendorResponse.Projection).SingleOrDefaultAsync(ct);
        if (vendor is null) return false;
        Vendor = vendor;
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        if (CanManage)
            Users = await db.Memberships.AsNoTracking().Where(m => m.VendorId == vendorId)
                .OrderBy(m => m.User!.DisplayName)
                .Select(m => new VendorUser(m.User!.DisplayName, m.User.Email!))
                .ToListAsync(ct);
        return true;
    }
}
