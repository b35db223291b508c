
using Microsoft.AspNetCore.Mvc;
namespace VendorPortal.Web.Features.Dashboard.Pages;

public sealed class HomeModel(AppDbContext db) : PageModel
{
    public bool IsPlatformOperator { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (User.UserId() is not { } userId) return Challenge();
        var memberships = await db.MembershipsOfAsync(userId, ct);
        if (memberships.Count > 0) return LocalRedirect($"/t/{memberships[0].Tenant}");
        IsPlatformOperator = User.IsPlatformOperator();
        return Page();
    }
}
