using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Vendors.Pages;

public sealed class IndexModel(AppDbContext db, VendorList vendors, TenantSettingsOperations settings) : PageModel
{
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "status")] public VendorStatus? Status { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public Paged<VendorResponse> Vendors { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public TenantTime Time { get; private set; } = TenantTime.Utc;
    public bool CanManage { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        CanManage = db.Scope!.May(Permission.ManageVendors);
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        Vendors = await vendors.PageAsync(new VendorFilter(Search, Status), PortalPageRequest.Of(PageNumber, PageSize), ct);
    }
}
