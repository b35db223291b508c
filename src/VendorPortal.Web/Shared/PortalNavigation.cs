using Microsoft.Extensions.Localization;
using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Shared;

public sealed record NavItem(string Href, string Label, string Icon, bool Exact = false)
{
    /// <summary>A count shown next to the label (open alerts); none when zero.</summary>
    public int Badge { get; init; }

    /// <summary>A menu of sections rather than a link of its own.</summary>
    public IReadOnlyList<NavItem> Children { get; init; } = [];

    public bool IsActive(string path) =>
        Children.Count > 0 ? Children.Any(c => c.IsActive(path))
        : Exact ? string.Equals(path.TrimEnd('/'), Href, StringComparison.OrdinalIgnoreCase)
        : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
}

/// <summary>What each tenant role finds in the navigation bar.</summary>
public static class PortalNavigation
{
    /// <summary>Roles that see readiness alerts (and the count of open ones in the navigation).</summary>
    public static bool SeesAlerts(AccessScope scope) => scope.Role is TenantRole.TenantAdmin or TenantRole.Planner or TenantRole.VendorManager;

    public static IReadOnlyList<NavItem> For(AccessScope scope, IStringLocalizer T, int openAlerts = 0)
    {
        var root = $"/t/{scope.TenantSlug}";
        var dashboard = new NavItem(root, T["Dashboard"], "speedometer2", Exact: true);
        var vendors = new NavItem($"{root}/vendors", T["Vendors"], "buildings");
        var skills = new NavItem($"{root}/skills", T["Skills"], "mortarboard");
        // Vendor managers see only their own vendor's agents, pool, roster and statements: the query filters do that, not the links.
        var agents = new NavItem($"{root}/agents", T["Agents"], "person-badge");
        var pool = new NavItem($"{root}/pool", T["Reserve pool"], "bar-chart-line");
        var training = new NavItem($"{root}/training", T["Training"], "calendar-check");
        var staffing = new NavItem($"{root}/staffing", T["Staffing"], "calculator");
        var statements = new NavItem($"{root}/statements", T["Statements"], "receipt");
        var events = new NavItem($"{root}/events", T["Events"], "calendar-event");
        var requests = new NavItem($"{root}/requests", T["Requests"], "inbox");
        var shifts = new NavItem($"{root}/shifts", T["Shifts"], "calendar-week");
        var readiness = new NavItem($"{root}/readiness", T["Readiness"], "activity");
        var alerts = new NavItem($"{root}/alerts", T["Alerts"], "bell") { Badge = openAlerts };
        return scope.Role switch
        {
            TenantRole.TenantAdmin =>
            [
                dashboard, events, requests, shifts, readiness, alerts, vendors, agents, pool, training, staffing, statements,
                new($"{root}/admin", T["Administration"], "sliders")
                {
                    Children =
                    [
                        new($"{root}/users", T["Users"], "people"),
                        new($"{root}/api-keys", T["API keys"], "key"),
                        new($"{root}/audit", T["Audit"], "clock-history"),
                        new($"{root}/settings", T["Settings"], "gear"),
                        skills,
                    ],
                },
            ],
            TenantRole.VendorManager when scope.VendorId is { } vendorId =>
                [dashboard, requests, shifts, readiness, alerts, events, agents, pool, training, statements, new($"{root}/vendors/{vendorId}", T["My vendor"], "building")],
            TenantRole.VendorManager => [dashboard, requests, shifts, readiness, alerts, events, agents, pool, training],
            TenantRole.Finance =>
            [
                dashboard, vendors, statements,
                new($"{root}/rate-cards", T["Rate cards"], "tags"),
                new($"{root}/scorecards", T["Scorecards"], "bar-chart"),
                events, training, skills,
            ],
            _ => [dashboard, events, requests, shifts, readiness, alerts, vendors, agents, pool, training, staffing, skills],
        };
    }
}
