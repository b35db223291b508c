
using Microsoft.AspNetCore.Mvc;
namespace VendorPortal.Web.Shared;

public sealed record TenantSwitcherModel(IReadOnlyList<UserMembership> Memberships, string? Current);

public sealed class TenantSwitcherViewComponent(AppDbContext db) : ViewComponent
{
    public async Task<IViewComponentResult> InvokeAsync(string? current)
    {
        if (UserClaimsPrincipal.UserId() is not { } userId) return Content("");
        var memberships = await db.MembershipsOfAsync(userId, HttpContext.RequestAborted);
        return View(new TenantSwitcherModel(memberships, current));
    }
}
