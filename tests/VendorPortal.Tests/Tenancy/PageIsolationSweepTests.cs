using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VendorPortal.Tests.Agents;
using VendorPortal.Tests.Shifts;

namespace VendorPortal.Tests.Tenancy;

/// <summary>
/// Walks every portal page under /t/{tenant} that the app maps and proves who can not open it. A new page
/// with a route parameter the sweep cannot fill fails here until it is given a value below.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class PageIsolationSweepTests(AppFactory app)
{
    private sealed record Ids(Guid ApexVendor, Guid ApexAgent, Guid TrainingSession, Guid Event, Guid ApexRequest, Guid ApexShift, Guid ApexWebhook);

    /// <summary>How to fill each route parameter, and whether it names a row that belongs to vendor Apex.</summary>
    private static readonly Dictionary<string, (Func<Ids, Guid> Value, bool ApexOwned)> Parameters = new(StringComparer.Ordinal)
    {
        ["vendorId"] = (i => i.ApexVendor, true),
        ["agentId"] = (i => i.ApexAgent, true),
        ["id"] = (i => i.TrainingSession, false),
        ["eventId"] = (i => i.Event, false),
        ["requestId"] = (i => i.ApexRequest, true),
        ["shiftId"] = (i => i.ApexShift, true),
        ["webhookId"] = (i => i.ApexWebhook, true),
    };

    private IReadOnlyList<string> TenantPages() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("t/{tenant}", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal),
    ];

    [Fact]
    public void Every_tenant_page_has_a_value_for_each_route_parameter()
    {
        var pages = TenantPages();
        Assert.True(pages.Count >= 10, $"Only {pages.Count} tenant pages found: {string.Join(", ", pages)}");
        var missing = pages.SelectMany(p => ParameterNames(p).Where(n => n != "tenant" && !Parameters.ContainsKey(n)).Select(n => $"{p}: {{{n}}}")).ToList();
        Assert.True(missing.Count == 0, "Give the page sweep (Tenancy/PageIsolationSweepTests.Parameters) a value for: " + string.Join(", ", missing));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_every_tenant_page()
    {
        var ids = await IdsAsync();
        using var client = app.Anonymous();
        await SweepAsync(TenantPages(), async page =>
        {
            using var response = await client.GetAsync(Path(page, "demo", ids));
            return response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains(Pages.Login, StringComparison.Ordinal) == true
                ? null
                : $"{page}: anonymous got {(int)response.StatusCode} {response.Headers.Location}";
        });
    }

    [Fact]
    public async Task Member_of_another_tenant_and_unknown_tenants_get_the_404_page()
    {
        var ids = await IdsAsync();
        using var sandboxAdmin = await app.CookieClientFor(DemoData.SandboxAdmin);
        using var admin = await app.CookieClientFor(DemoData.Admin);
        await SweepAsync(TenantPages(), async page =>
        {
            using var foreign = await sandboxAdmin.GetAsync(Path(page, "demo", ids));
            using var unknown = await admin.GetAsync(Path(page, "no-such-tenant-7f3c", ids));
            return foreign.StatusCode == HttpStatusCode.NotFound && unknown.StatusCode == HttpStatusCode.NotFound
                ? null
                : $"{page}: another tenant's member got {(int)foreign.StatusCode}, an unknown tenant got {(int)unknown.StatusCode}";
        });
    }

    [Fact]
    public async Task Vendor_manager_gets_404_on_another_vendors_pages_and_200_on_their_own()
    {
        var ids = await IdsAsync();
        using var harbor = await app.CookieClientFor(DemoData.Harbor);
        using var apex = await app.CookieClientFor(DemoData.Apex);
        var owned = TenantPages().Where(p => ParameterNames(p).Any(n => Parameters.TryGetValue(n, out var v) && v.ApexOwned)).ToList();
        Assert.NotEmpty(owned);
        await SweepAsync(owned, async page =>
        {
            using var own = await apex.GetAsync(Path(page, "demo", ids));
            using var foreign = await harbor.GetAsync(Path(page, "demo", ids));
            return own.StatusCode == HttpStatusCode.OK && foreign.StatusCode == HttpStatusCode.NotFound
                ? null
                : $"{page}: Apex's manager got {(int)own.StatusCode}, Harbor's got {(int)foreign.StatusCode}";
        });
    }

    private static async Task SweepAsync(IReadOnlyList<string> pages, Func<string, Task<string?>> check)
    {
        var problems = new List<string>();
        foreach (var page in pages)
            if (await check(page) is { } problem) problems.Add(problem);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static IEnumerable<string> ParameterNames(string route) => RouteParameter().Matches(route).Select(m => m.Groups[1].Value);

    private static string Path(string route, string tenant, Ids ids) =>
        "/" + RouteParameter().Replace(route, m => m.Groups[1].Value == "tenant" ? tenant : Parameters[m.Groups[1].Value].Value(ids).ToString());

    private async Task<Ids> IdsAsync()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        var agents = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.List.Query($"vendorId={demo.ApexInDemo}&pageSize=1"), Json.Options);
        var sessions = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Training.List.Query("pageSize=1"), Json.Options);
        var events = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.List.Query("pageSize=1"), Json.Options);
        var (request, shift) = await ApexRequestAndShiftAsync(demo.ApexInDemo);
        return new Ids(demo.ApexInDemo, Guid.Parse((string)agents!["items"]![0]!["id"]!), Guid.Parse((string)sessions!["items"]![0]!["id"]!),
            Guid.Parse((string)events!["items"]![0]!["id"]!), request, shift, await ApexWebhookAsync());
    }

    /// <summary>An endpoint of Apex's, disabled so that it receives nothing.</summary>
    private async Task<Guid> ApexWebhookAsync()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        using var created = await apex.SendAsync(ApiRoutes.Demo.Webhooks.Create, new { url = "https://203.0.113.10/hook", enabled = false });
        await created.ShouldBe(HttpStatusCode.Created);
        return (await created.ReadObjectAsync()).Id();
    }

    /// <summary>A capacity request to Apex, answered, so that it has a shift of Apex's: made here rather than taken from the demo data.</summary>
    private async Task<(Guid Request, Guid Shift)> ApexRequestAndShiftAsync(Guid apexVendor)
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 45);
        var request = await planner.RequestAsync(eventId, apexVendor, [ShiftSetup.Plan(ShiftSetup.Local(45, 9), ShiftSetup.Local(45, 17), 2)]);
        var answered = await apex.RespondAsync(request, null, 2);
        return (request.Id(), Guid.Parse((string)answered["shifts"]![0]!["shiftId"]!));
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();
}
