using Microsoft.Extensions.Localization;
using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Shared;

public sealed record NavItem(string Href, string Label, string Icon, bool Exact = false)
{
    public bool IsActive(string path) =>
        Exact
            ? string.Equals(path.TrimEnd('/'), Href, StringComparison.OrdinalIgnoreCase)
            : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What each tenant role finds in the navigation bar.</summary>
public static class PortalNavigation
{
    public static IReadOnlyList<NavItem> For(AccessScope scope, IStringLocalizer T)
    {
        var root = $"/t/{scope.TenantSlug}";
        var dashboard = new NavItem(root, T["Dashboard"], "speedometer2", Exact: true);
        var vendors = new NavItem($"{root}/vendors", T["Vendors"], "buildings");
        var skills = new NavItem($"{root}/skills", T["Skills"], "mortarboard");
        var statements = new NavItem($"{root}/statements", T["Statements"], "receipt");
        return scope.Role switch
        {
            TenantRole.TenantAdmin =>
            [
                dashboard, vendors, skills, statements,
                new($"{root}/users", T["Users"], "people"),
                new($"{root}/api-keys", T["API keys"], "key"),
                new($"{root}/audit", T["Audit"], "clock-history"),
                new($"{root}/settings", T["Settings"], "gear"),
            ],
            TenantRole.VendorManager when scope.VendorId is { } vendorId =>
                [dashboard, new($"{root}/vendors/{vendorId}", T["My vendor"], "building"), statements],
            TenantRole.VendorManager => [dashboard],
            TenantRole.Finance =>
            [
                dashboard, vendors, skills, statements,
                new($"{root}/rate-cards", T["Rate cards"], "tags"),
                new($"{root}/scorecards", T["Scorecards"], "bar-chart"),
            ],
            _ => [dashboard, vendors, skills],
        };
    }
}
