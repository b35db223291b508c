using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace VendorPortal.Web.Features.Vendors.Pages;

[Authorize(Policy = nameof(Permission.ManageVendors))]
public sealed class NewModel(VendorOperations vendors, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty, ValidateNever] public VendorInput Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (!ModelState.Validate(new VendorInputValidator(), Input, nameof(Input), T)) return Page();
        try
        {
            var vendor = await vendors.CreateAsync(Input, ct);
            TempData["Flash"] = T["Vendor {0} was created.", vendor.Name].Value;
            return LocalRedirect($"/t/{tenant}/vendors/{vendor.Id}");
        }
        catch (RuleViolation rule)
        {
            ModelState.Add(rule, nameof(Input));
            return Page();
        }
    }
}

