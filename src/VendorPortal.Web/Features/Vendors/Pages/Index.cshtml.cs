using Microsoft.AspNetCore.Mvc;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VendorPortal.Web.Features.Identity;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Vendors.Pages;

public sealed class IndexModel(AppDbContext db, TenantSettingsOperations settings) : PageModel
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
        var query = db.Vendors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = $"%{Like.Escape(Search.Trim())}%";
            query = query.Where(v => EF.Functions.Like(v.Name, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(v.ContactName!, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(v.ContactEmail!, pattern, Like.EscapeCharacter));
        }
        if (Status is { } status) query = query.Where(v => v.Status == status);
        Vendors = await query.OrderBy(v => v.Name).Select(VendorResponse.Projection)
            .ToPageAsync(PortalPageRequest.Of(PageNumber, PageSize), ct);
    }
}
