using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace VendorPortal.Tests.Identity;

/// <summary>
/// Who may do what, written as the spec: every operation of the OpenAPI document and every tenant page, with the
/// roles that may use it. Every other tenant role is refused with 403 (the portal sends it to the access-denied
/// page); every allowed role gets past authorization. An operation or page missing from the tables fails here.
/// Ids in routes are unknown rows: authorization answers before any row is looked up, so an allowed role gets 404
/// and a refused one 403. Write bodies are JSON null, which validation refuses (the bad-input sweep proves it for
/// every write), so nothing is changed.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class PermissionMatrixTests(AppFactory app)
{
    private const string Admin = "TenantAdmin";
    private const string Planner = "Planner";
    private const string Finance = "Finance";
    private const string Vendor = "VendorManager";
    private const string Operator = "PlatformOperator";
    /// <summary>No sign-in needed; the isolation sweep covers these.</summary>
    private const string Anyone = "anyone";
    private const string SignedIn = "anyone signed in";
    /// <summary>A vendor manager is answered 404, not 403: the view does not exist for vendors (Permissions.HiddenFromVendors).</summary>
    private const string HiddenFromVendor = "404 to a vendor manager";

    private static readonly string[] Members = [Admin, Planner, Finance, Vendor];

    private static readonly Dictionary<string, string> Emails = new(StringComparer.Ordinal)
    {
        [Admin] = DemoData.Admin,
        [Planner] = DemoData.Planner,
        [Finance] = DemoData.Finance,
        [Vendor] = DemoData.Apex,
        [Operator] = DemoData.Operator,
    };

    /// <summary>Every operation of /openapi/v1.json and who may call it.</summary>
    private static readonly Dictionary<string, string[]> Operations = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/login"] = [Anyone],
        ["POST /api/auth/refresh"] = [Anyone],
        ["POST /api/auth/forgot-password"] = [Anyone],
        ["POST /api/auth/reset-password"] = [Anyone],
        ["POST /api/invitations/accept"] = [Anyone],
        ["GET /api/calendar/{token}.ics"] = [Anyone],
        ["GET /api/me"] = [SignedIn],
        ["GET /api/me/notification-preferences"] = [SignedIn],
        ["PUT /api/me/notification-preferences"] = [SignedIn],
        ["POST /api/platform/tenants"] = [Operator],

        ["GET /api/t/{tenant}/settings"] = Members,
        ["PUT /api/t/{tenant}/settings"] = [Admin],
        ["GET /api/t/{tenant}/users"] = [Admin],
        ["PATCH /api/t/{tenant}/users/{userId}"] = [Admin],
        ["DELETE /api/t/{tenant}/users/{userId}"] = [Admin],
        ["GET /api/t/{tenant}/invitations"] = [Admin],
        ["POST /api/t/{tenant}/invitations"] = [Admin],
        ["GET /api/t/{tenant}/api-keys"] = [Admin],
        ["POST /api/t/{tenant}/api-keys"] = [Admin],
        ["DELETE /api/t/{tenant}/api-keys/{id}"] = [Admin],
        ["GET /api/t/{tenant}/audit"] = [Admin],
        ["GET /api/t/{tenant}/audit/export"] = [Admin],

        ["GET /api/t/{tenant}/skills"] = Members,
        ["POST /api/t/{tenant}/skills"] = [Admin],
        ["GET /api/t/{tenant}/vendors"] = Members,
        ["GET /api/t/{tenant}/vendors/{vendorId}"] = Members,
        ["POST /api/t/{tenant}/vendors"] = [Admin],
        ["PUT /api/t/{tenant}/vendors/{vendorId}"] = [Admin],
        ["DELETE /api/t/{tenant}/vendors/{vendorId}"] = [Admin],

        ["GET /api/t/{tenant}/agents"] = Members,
        ["GET /api/t/{tenant}/agents/{agentId}"] = Members,
        ["GET /api/t/{tenant}/agents/export"] = Members,
        ["GET /api/t/{tenant}/pool"] = Members,
        ["POST /api/t/{tenant}/agents"] = [Admin, Vendor],
        ["PUT /api/t/{tenant}/agents/{agentId}"] = [Admin, Vendor],
        ["DELETE /api/t/{tenant}/agents/{agentId}"] = [Admin, Vendor],
        ["POST /api/t/{tenant}/agents/import"] = [Admin, Vendor],
        ["PUT /api/t/{tenant}/pool/plans"] = [Admin, Planner],

        ["GET /api/t/{tenant}/training-sessions"] = Members,
        ["GET /api/t/{tenant}/training-sessions/{id}"] = Members,
        ["POST /api/t/{tenant}/training-sessions"] = [Admin, Planner],
        ["PUT /api/t/{tenant}/training-sessions/{id}"] = [Admin, Planner],
        ["POST /api/t/{tenant}/training-sessions/{id}/cancel"] = [Admin, Planner],
        ["POST /api/t/{tenant}/training-sessions/{id}/results"] = [Admin, Planner],
        ["POST /api/t/{tenant}/training-sessions/{id}/enrollments"] = [Admin, Planner, Vendor],
        ["DELETE /api/t/{tenant}/training-sessions/{id}/enrollments/{agentId}"] = [Admin, Planner, Vendor],

        ["GET /api/t/{tenant}/staffing/erlang-c"] = Members,
        ["GET /api/t/{tenant}/staffing/erlang-a"] = Members,
        ["GET /api/t/{tenant}/events"] = Members,
        ["GET /api/t/{tenant}/events/{eventId}"] = Members,
        ["GET /api/t/{tenant}/events/{eventId}/staffing"] = Members,
        ["POST /api/t/{tenant}/events"] = [Admin, Planner],
        ["PUT /api/t/{tenant}/events/{eventId}"] = [Admin, Planner],
        ["PUT /api/t/{tenant}/events/{eventId}/forecast"] = [Admin, Planner],
        ["POST /api/t/{tenant}/events/{eventId}/forecast/import"] = [Admin, Planner],
        ["GET /api/t/{tenant}/events/{eventId}/in-house"] = [Admin, Planner, HiddenFromVendor],
        ["PUT /api/t/{tenant}/events/{eventId}/in-house"] = [Admin, Planner, HiddenFromVendor],
        ["POST /api/t/{tenant}/events/{eventId}/in-house/import"] = [Admin, Planner, HiddenFromVendor],
        ["POST /api/t/{tenant}/events/{eventId}/in-house/pattern"] = [Admin, Planner, HiddenFromVendor],

        ["GET /api/t/{tenant}/capacity-requests"] = [Admin, Planner, Vendor],
        ["GET /api/t/{tenant}/capacity-requests/{id}"] = [Admin, Planner, Vendor],
        ["POST /api/t/{tenant}/capacity-requests"] = [Admin, Planner],
        ["POST /api/t/{tenant}/capacity-requests/{id}/cancel"] = [Admin, Planner],
        ["GET /api/t/{tenant}/events/{eventId}/fill"] = [Admin, Planner],
        ["POST /api/t/{tenant}/events/{eventId}/plan"] = [Admin, Planner, HiddenFromVendor],
        ["POST /api/t/{tenant}/events/{eventId}/plan/send"] = [Admin, Planner, HiddenFromVendor],
        ["POST /api/t/{tenant}/capacity-requests/{id}/response"] = [Vendor],

        ["GET /api/t/{tenant}/shifts"] = [Admin, Planner, Vendor],
        ["GET /api/t/{tenant}/shifts/{shiftId}"] = [Admin, Planner, Vendor],
        ["GET /api/t/{tenant}/shifts/calendar.ics"] = [Admin, Planner, Vendor],
        ["POST /api/t/{tenant}/shifts"] = [Admin, Planner],
        ["POST /api/t/{tenant}/shifts/{shiftId}/cancel"] = [Admin, Planner],
        ["PATCH /api/t/{tenant}/shifts/{shiftId}"] = [Admin, Planner],
        ["POST /api/t/{tenant}/shifts/{shiftId}/assignments"] = [Vendor],
        ["POST /api/t/{tenant}/confirmations"] = [Vendor],
        ["POST /api/t/{tenant}/attendance"] = [Vendor],

        ["GET /api/t/{tenant}/readiness"] = [Admin, Planner, Vendor],
        ["GET /api/t/{tenant}/alerts"] = [Admin, Planner, Vendor],
        ["POST /api/t/{tenant}/alerts/{id}/acknowledge"] = [Admin, Planner, Vendor],
        ["POST /api/t/{tenant}/alerts/evaluate"] = [Admin, Planner],

        ["GET /api/t/{tenant}/rate-cards"] = [Admin, Finance, Vendor],
        ["GET /api/t/{tenant}/rate-cards/{id}"] = [Admin, Finance, Vendor],
        ["POST /api/t/{tenant}/rate-cards"] = [Admin, Finance],
        ["PUT /api/t/{tenant}/rate-cards/{id}"] = [Admin, Finance],
        ["GET /api/t/{tenant}/contact-volumes"] = [Admin, Finance, Vendor],
        ["POST /api/t/{tenant}/contact-volumes"] = [Admin, Finance, Vendor],
        ["POST /api/t/{tenant}/contact-volumes/import"] = [Admin, Finance, Vendor],
        ["GET /api/t/{tenant}/scorecards"] = [Admin, Finance, Vendor],
        ["GET /api/t/{tenant}/statements"] = [Admin, Finance, Vendor],
        ["GET /api/t/{tenant}/statements/{id}"] = [Admin, Finance, Vendor],
        ["GET /api/t/{tenant}/statements/{id}/csv"] = [Admin, Finance, Vendor],
        ["GET /api/t/{tenant}/statements/{id}/pdf"] = [Admin, Finance, Vendor],
        ["POST /api/t/{tenant}/statements"] = [Admin, Finance],
        ["POST /api/t/{tenant}/statements/{id}/regenerate"] = [Admin, Finance],
        ["POST /api/t/{tenant}/statements/{id}/issue"] = [Admin, Finance],
        ["POST /api/t/{tenant}/statements/{id}/void"] = [Admin, Finance],
        ["GET /api/t/{tenant}/webhooks"] = [Admin, Planner, Vendor],
        ["POST /api/t/{tenant}/webhooks"] = [Admin, Planner, Vendor],
        ["GET /api/t/{tenant}/webhooks/{id}"] = [Admin, Planner, Vendor],
        ["PUT /api/t/{tenant}/webhooks/{id}"] = [Admin, Planner, Vendor],
        ["DELETE /api/t/{tenant}/webhooks/{id}"] = [Admin, Planner, Vendor],
        ["POST /api/t/{tenant}/webhooks/{id}/rotate-secret"] = [Admin, Planner, Vendor],
        ["POST /api/t/{tenant}/webhooks/{id}/test"] = [Admin, Planner, Vendor],
        ["GET /api/t/{tenant}/webhooks/{id}/deliveries"] = [Admin, Planner, Vendor],
        ["POST /api/t/{tenant}/webhooks/{id}/deliveries/{deliveryId}/replay"] = [Admin, Planner, Vendor],
    };

    /// <summary>Every portal page under /t/{tenant} and who may open it.</summary>
    private static readonly Dictionary<string, string[]> PageAccess = new(StringComparer.Ordinal)
    {
        ["t/{tenant}"] = Members,
        ["t/{tenant}/settings"] = Members,
        ["t/{tenant}/users"] = [Admin],
        ["t/{tenant}/api-keys"] = [Admin],
        ["t/{tenant}/audit"] = [Admin],
        ["t/{tenant}/skills"] = Members,
        ["t/{tenant}/vendors"] = Members,
        ["t/{tenant}/vendors/{vendorId:guid}"] = Members,
        ["t/{tenant}/vendors/new"] = [Admin],
        ["t/{tenant}/agents"] = Members,
        ["t/{tenant}/agents/{agentId:guid}"] = Members,
        ["t/{tenant}/agents/new"] = [Admin, Vendor],
        ["t/{tenant}/agents/import"] = [Admin, Vendor],
        ["t/{tenant}/pool"] = Members,
        ["t/{tenant}/training"] = Members,
        ["t/{tenant}/training/{id:guid}"] = Members,
        ["t/{tenant}/training/new"] = [Admin, Planner],
        ["t/{tenant}/staffing"] = Members,
        ["t/{tenant}/events"] = Members,
        ["t/{tenant}/events/{eventId:guid}"] = Members,
        ["t/{tenant}/events/{eventId:guid}/fill"] = [Admin, Planner],
        ["t/{tenant}/events/{eventId:guid}/plan"] = [Admin, Planner, HiddenFromVendor],
        ["t/{tenant}/requests"] = [Admin, Planner, Vendor],
        ["t/{tenant}/requests/{requestId:guid}"] = [Admin, Planner, Vendor],
        ["t/{tenant}/requests/new"] = [Admin, Planner],
        ["t/{tenant}/shifts"] = [Admin, Planner, Vendor],
        ["t/{tenant}/shifts/{shiftId:guid}"] = [Admin, Planner, Vendor],
        ["t/{tenant}/readiness"] = [Admin, Planner, Vendor],
        ["t/{tenant}/alerts"] = [Admin, Planner, Vendor],
        ["t/{tenant}/rate-cards"] = [Admin, Finance, Vendor],
        ["t/{tenant}/scorecards"] = [Admin, Finance, Vendor],
        ["t/{tenant}/statements"] = [Admin, Finance, Vendor],
        ["t/{tenant}/webhooks"] = [Admin, Planner, Vendor],
        ["t/{tenant}/webhooks/{webhookId:guid}"] = [Admin, Planner, Vendor],
    };

    /// <summary>The links of each role's navigation bar, in order ("{apex}" is the vendor manager's own vendor).</summary>
    private static readonly Dictionary<string, string[]> Navigation = new(StringComparer.Ordinal)
    {
        [Admin] = ["", "events", "requests", "shifts", "readiness", "alerts", "vendors", "agents", "pool", "training", "staffing", "statements",
            "users", "api-keys", "webhooks", "audit", "settings", "skills"],
        [Planner] = ["", "events", "requests", "shifts", "readiness", "alerts", "vendors", "agents", "pool", "training", "staffing", "skills", "webhooks"],
        [Finance] = ["", "vendors", "statements", "rate-cards", "scorecards", "events", "training", "skills"],
        [Vendor] = ["", "requests", "shifts", "readiness", "alerts", "events", "agents", "pool", "training", "statements", "webhooks", "vendors/{apex}"],
    };

    [Fact]
    public async Task Every_operation_of_the_api_document_is_in_the_table()
    {
        var operations = await DocumentOperationsAsync();
        var missing = operations.Where(o => !Operations.ContainsKey(o)).ToList();
        var gone = Operations.Keys.Where(k => !operations.Contains(k)).ToList();
        Assert.True(missing.Count == 0 && gone.Count == 0,
            $"Say in PermissionMatrixTests.Operations who may call: {string.Join(", ", missing)}\nNo longer in the document: {string.Join(", ", gone)}");
    }

    [Fact]
    public async Task Each_role_may_call_exactly_the_operations_the_table_gives_it()
    {
        var clients = await ClientsAsync(email => app.ClientFor(email));
        var checks = (await DocumentOperationsAsync())
            .Where(o => Operations.TryGetValue(o, out var who) && !who.Contains(Anyone))
            .SelectMany(o => Callers(o.StartsWith("POST /api/platform/", StringComparison.Ordinal), Operations[o]).Select(c => (Operation: o, c.Role, c.Allowed)))
            .ToList();
        var problems = await CheckAllAsync(checks, async check =>
        {
            var (method, route) = (check.Operation.Split(' ')[0], check.Operation.Split(' ')[1]);
            using var request = new HttpRequestMessage(new HttpMethod(method), Fill(route));
            if (method is "POST" or "PUT" or "PATCH") request.Content = new StringContent("null", System.Text.Encoding.UTF8, "application/json");
            using var response = await clients[check.Role].SendAsync(request);
            var status = response.StatusCode;
            var hidden = check.Role == Vendor && Operations[check.Operation].Contains(HiddenFromVendor);
            var fine = check.Allowed
                ? status is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden) && (int)status < 500
                : status == (hidden ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
            return fine ? null : $"{check.Operation} as {check.Role}: {(check.Allowed ? "allowed" : "refused")} by the table, got {(int)status}";
        });
        Assert.True(checks.Count > 300, $"Only {checks.Count} checks.");
        Assert.True(problems.Count == 0, $"{problems.Count} of {checks.Count} checks failed:\n" + string.Join("\n", problems));
    }

    [Fact]
    public void Every_tenant_page_is_in_the_table()
    {
        var pages = AppTenantPages();
        var missing = pages.Where(p => !PageAccess.ContainsKey(p)).ToList();
        var gone = PageAccess.Keys.Where(k => !pages.Contains(k)).ToList();
        Assert.True(missing.Count == 0 && gone.Count == 0,
            $"Say in PermissionMatrixTests.PageAccess who may open: {string.Join(", ", missing)}\nNo longer a page: {string.Join(", ", gone)}");
    }

    [Fact]
    public async Task Each_role_may_open_exactly_the_pages_the_table_gives_it()
    {
        var clients = await ClientsAsync(app.CookieClientFor);
        var checks = AppTenantPages().Where(PageAccess.ContainsKey)
            .SelectMany(p => Members.Select(role => (Page: p, Role: role, Allowed: PageAccess[p].Contains(role))))
            .ToList();
        var problems = await CheckAllAsync(checks, async check =>
        {
            using var response = await clients[check.Role].GetAsync(Fill("/" + check.Page));
            var denied = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location?.OriginalString.Contains(Pages.Denied, StringComparison.Ordinal) == true;
            // An unknown id is not found once the page lets the role in.
            var expected = check.Page.Contains(":guid}", StringComparison.Ordinal) ? HttpStatusCode.NotFound : HttpStatusCode.OK;
            var hidden = check.Role == Vendor && PageAccess[check.Page].Contains(HiddenFromVendor);
            var fine = check.Allowed ? response.StatusCode == expected : hidden ? response.StatusCode == HttpStatusCode.NotFound : denied;
            return fine ? null : $"{check.Page} as {check.Role}: {(check.Allowed ? $"allowed, expected {(int)expected}" : "refused")} by the table, got {(int)response.StatusCode} {response.Headers.Location}";
        });
        Assert.True(problems.Count == 0, $"{problems.Count} of {checks.Count} checks failed:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Each_role_sees_its_navigation_and_every_link_in_it_opens()
    {
        var clients = await ClientsAsync(app.CookieClientFor);
        var apex = (await app.Demo).ApexInDemo;
        var problems = new List<string>();
        foreach (var role in Members)
        {
            using var dashboard = await clients[role].GetAsync(Pages.Demo.Home);
            await dashboard.ShouldBe(HttpStatusCode.OK);
            var html = await dashboard.Content.ReadAsStringAsync();
            var nav = html[html.IndexOf("id=\"main-nav\"", StringComparison.Ordinal)..];
            nav = nav[..nav.IndexOf("</nav>", StringComparison.Ordinal)];
            var links = NavLink().Matches(nav).Select(m => m.Groups[1].Value).ToList();
            var expected = Navigation[role].Select(l => l.Replace("{apex}", apex.ToString(), StringComparison.Ordinal)).ToList();
            if (!links.SequenceEqual(expected))
                problems.Add($"{role} sees [{string.Join(", ", links)}], expected [{string.Join(", ", expected)}]");
            foreach (var link in links)
            {
                using var page = await clients[role].GetAsync(Pages.Demo.Home + (link.Length > 0 ? "/" + link : ""));
                if (page.StatusCode != HttpStatusCode.OK) problems.Add($"{role}'s link {link} answers {(int)page.StatusCode} {page.Headers.Location}");
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Who is tried on an operation: every tenant role, and the platform operator on platform and signed-in routes.</summary>
    private static IEnumerable<(string Role, bool Allowed)> Callers(bool platform, string[] allowed) =>
        Members.Append(Operator)
            .Where(role => role != Operator || platform || allowed.Contains(SignedIn))
            .Select(role => (role, allowed.Contains(role) || allowed.Contains(SignedIn)));

    private static async Task<List<string>> CheckAllAsync<T>(IEnumerable<T> checks, Func<T, Task<string?>> check)
    {
        using var gate = new SemaphoreSlim(4);
        var outcomes = await Task.WhenAll(checks.Select(async c =>
        {
            await gate.WaitAsync();
            try
            {
                return await check(c);
            }
            finally
            {
                gate.Release();
            }
        }));
        return [.. outcomes.OfType<string>()];
    }

    private static async Task<Dictionary<string, HttpClient>> ClientsAsync(Func<string, Task<HttpClient>> client)
    {
        var clients = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var (role, email) in Emails) clients[role] = await client(email);
        return clients;
    }

    /// <summary>The tenant is demo; every other route parameter names a row that does not exist.</summary>
    private static string Fill(string route) =>
        RouteParameter().Replace(route, m => m.Groups[1].Value == "tenant" ? "demo" : Guid.NewGuid().ToString());

    private async Task<HashSet<string>> DocumentOperationsAsync()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/openapi/v1.json");
        await response.ShouldBe(HttpStatusCode.OK);
        var document = await response.ReadObjectAsync();
        return
        [
            .. document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject()
                .Where(o => o.Key is "get" or "post" or "put" or "patch" or "delete")
                .Select(o => $"{o.Key.ToUpperInvariant()} {path.Key}")),
        ];
    }

    private HashSet<string> AppTenantPages() =>
    [
        .. app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<PageActionDescriptor>() is not null)
            .Select(e => e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => r.StartsWith("t/{tenant}", StringComparison.Ordinal)),
    ];

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex("href=\"/t/demo/?([^\"#]*)\"")]
    private static partial Regex NavLink();
}
