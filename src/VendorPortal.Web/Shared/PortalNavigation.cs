
namespace VendorPortal.Web.Shared;

public sealed record NavItem(string Href, string Label, string Icon, bool Exact = false)
{
    /// <summary>What the page behind the link needs; the link shows only to those who may.</summary>
    public Permission? Needs { get; init; }

    /// <summary>A count shown next to the label (open alerts); none when zero.</summary>
    public int Badge { get; init; }

    /// <summary>A menu of sections rather than a link of its own.</summary>
    public IReadOnlyList<NavItem> Children { get; init; } = [];

    public bool IsActive(string path) =>
        Children.Count > 0 ? Children.Any(c => c.IsActive(path))
        : Exact ? string.Equals(path.TrimEnd('/'), Href, StringComparison.OrdinalIgnoreCase)
        : path.StartsWith(Href, StringComparison.OrdinalIgnoreCase);
}

/// <summary>
/// What each tenant role finds in the navigation bar, in its order. Whether a role may open a page is
/// <see cref="Permissions"/>' to say: a link the scope may not follow is dropped.
/// </summary>
public static class PortalNavigation
{
    public static IReadOnlyList<NavItem> For(AccessScope scope, IStringLocalizer T, int openAlerts = 0)
    {
        var root = $"/t/{scope.TenantSlug}";
        var dashboard = new NavItem(root, T["Dashboard"], "speedometer2", Exact: true);
        var vendors = new NavItem($"{root}/vendors", T["Vendors"], "buildings") { Needs = Permission.ReadVendors };
        var skills = new NavItem($"{root}/skills", T["Skills"], "mortarboard") { Needs = Permission.ReadSkills };
        // Vendor managers see only their own vendor's agents, pool, roster and statements: the query filters do that, not the links.
        var agents = new NavItem($"{root}/agents", T["Agents"], "person-badge") { Needs = Permission.ReadAgents };
        var pool = new NavItem($"{root}/pool", T["Reserve pool"], "bar-chart-line") { Needs = Permission.ReadAgents };
        var training = new NavItem($"{root}/training", T["Training"], "calendar-check") { Needs = Permission.ReadTraining };
        var staffing = new NavItem($"{root}/staffing", T["Staffing"], "calculator") { Needs = Permission.UseStaffingCalculator };
        var statements = new NavItem($"{root}/statements", T["Statements"], "receipt") { Needs = Permission.ReadBilling };
        var events = new NavItem($"{root}/events", T["Events"], "calendar-event") { Needs = Permission.ReadEvents };
        var requests = new NavItem($"{root}/requests", T["Requests"], "inbox") { Needs = Permission.ReadCapacityRequests };
        var shifts = new NavItem($"{root}/shifts", T["Shifts"], "calendar-week") { Needs = Permission.ReadShifts };
        var readiness = new NavItem($"{root}/readiness", T["Readiness"], "activity") { Needs = Permission.WatchReadiness };
        var alerts = new NavItem($"{root}/alerts", T["Alerts"], "bell") { Badge = openAlerts, Needs = Permission.WatchReadiness };
        var webhooks = new NavItem($"{root}/webhooks", T["Webhooks"], "broadcast") { Needs = Permission.ManageWebhooks };
        IReadOnlyList<NavItem> menu = scope.Role switch
        {
            TenantRole.TenantAdmin =>
            [
                dashboard, events, requests, shifts, readiness, alerts, vendors, agents, pool, training, staffing, statements,
                new($"{root}/admin", T["Administration"], "sliders")
                {
                    Children =
                    [
                        new($"{root}/users", T["Users"], "people") { Needs = Permission.ManageUsers },
                        new($"{root}/api-keys", T["API keys"], "key") { Needs = Permission.ManageApiKeys },
                        webhooks,
                        new($"{root}/audit", T["Audit"], "clock-history") { Needs = Permission.ReadAudit },
                        new($"{root}/settings", T["Settings"], "gear") { Needs = Permission.ReadSettings },
                        skills,
                    ],
                },
            ],
            TenantRole.VendorManager when scope.VendorId is { } vendorId =>
                [dashboard, requests, shifts, readiness, alerts, events, agents, pool, training, statements, webhooks, new($"{root}/vendors/{vendorId}", T["My vendor"], "building") { Needs = Permission.ReadVendors }],
            TenantRole.VendorManager => [dashboard, requests, shifts, readiness, alerts, events, agents, pool, training, webhooks],
            TenantRole.Finance =>
            [
                dashboard, vendors, statements,
                new($"{root}/rate-cards", T["Rate cards"], "tags") { Needs = Permission.ReadBilling },
                new($"{root}/scorecards", T["Scorecards"], "bar-chart") { Needs = Permission.ReadBilling },
                events, training, skills,
            ],
            _ => [dashboard, events, requests, shifts, readiness, alerts, vendors, agents, pool, training, staffing, skills, webhooks],
        };
        return Allowed(menu, scope);
    }

    private static List<NavItem> Allowed(IEnumerable<NavItem> items, AccessScope scope)
    {
        var allowed = new List<NavItem>();
        foreach (var item in items.Where(i => i.Needs is not { } needs || scope.May(needs)))
        {
            if (item.Children.Count == 0) allowed.Add(item);
            else if (Allowed(item.Children, scope) is { Count: > 0 } children) allowed.Add(item with { Children = children });
        }
        return allowed;
    }
}
