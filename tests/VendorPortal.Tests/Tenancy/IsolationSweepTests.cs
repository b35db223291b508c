using VendorPortal.Tests.Agents;
using VendorPortal.Tests.Shifts;
using VendorPortal.Web.Features.Alerts;
using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Tests.Tenancy;

/// <summary>
/// Walks every API endpoint the app maps and proves who can not reach it. A new endpoint fails here until
/// it is listed in <see cref="Routes"/> with a way to fill its route parameters, so none escapes the sweep.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class IsolationSweepTests(AppFactory app)
{
    private const string UnknownTenant = "no-such-tenant-7f3c";

    private enum Access
    {
        Anonymous,
        SignedIn,
        Tenant,
        Platform,
    }

    /// <summary>What the sweep knows of a route: who may call it, and the ids that fill its parameters.</summary>
    /// <summary><paramref name="Body"/>: a valid body, where validation would otherwise answer before the row is looked up.</summary>
    private sealed record Sweep(Access Access, IReadOnlyDictionary<string, Func<Ids, Guid>> Parameters, string? VendorOwned = null, object? Body = null);

    /// <summary>Real rows of tenant demo the sweep aims at: Apex's vendor row, an API key, one of Apex's agents, a training session, Apex's capacity request and shift.</summary>
    private sealed record Ids(DemoData Demo, Guid ApiKeyId, Guid ApexAgentId, Guid TrainingSessionId, Guid ApexRateCardId, Guid ApexStatementId, Guid EventId,
        Guid ApexRequestId, Guid ApexShiftId, Guid ApexAlertId, Guid PlannerUserId, Guid ApexWebhookId);

    private static Sweep Session(string? apexParameter = null, Func<Ids, Guid>? apexValue = null)
    {
        var parameters = new Dictionary<string, Func<Ids, Guid>> { ["id"] = i => i.TrainingSessionId };
        if (apexParameter is not null) parameters[apexParameter] = apexValue!;
        return new(Access.Tenant, parameters, apexParameter);
    }

    private static Sweep Open(Access access) => new(access, new Dictionary<string, Func<Ids, Guid>>());

    private static Sweep InTenant(string parameter, Func<Ids, Guid> value) =>
        new(Access.Tenant, new Dictionary<string, Func<Ids, Guid>> { [parameter] = value });

    /// <summary>The route's parameter names a row that belongs to Apex: Harbor's manager must not reach it.</summary>
    private static Sweep ApexRow(string parameter, Func<Ids, Guid> value) =>
        new(Access.Tenant, new Dictionary<string, Func<Ids, Guid>> { [parameter] = value }, parameter);

    private static readonly Dictionary<string, Sweep> Routes = new(StringComparer.Ordinal)
    {
        ["POST api/auth/login"] = Open(Access.Anonymous),
        ["POST api/auth/refresh"] = Open(Access.Anonymous),
        ["POST api/auth/forgot-password"] = Open(Access.Anonymous),
        ["POST api/auth/reset-password"] = Open(Access.Anonymous),
        ["POST api/invitations/accept"] = Open(Access.Anonymous),
        // The address itself is the credential: the token, not a sign-in, decides what it reads.
        ["GET api/calendar/{token}.ics"] = new(Access.Anonymous, new Dictionary<string, Func<Ids, Guid>> { ["token"] = _ => Guid.Empty }),
        ["GET api/me"] = Open(Access.SignedIn),
        // A person's own choices: no tenant or row in the route, the sign-in decides whose they are.
        ["GET api/me/notification-preferences"] = Open(Access.SignedIn),
        ["PUT api/me/notification-preferences"] = Open(Access.SignedIn),
        ["POST api/platform/tenants"] = Open(Access.Platform),
        ["GET api/t/{tenant}/api-keys"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/api-keys"] = Open(Access.Tenant),
        ["DELETE api/t/{tenant}/api-keys/{id}"] = InTenant("id", i => i.ApiKeyId),
        ["GET api/t/{tenant}/audit"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/audit/export"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/invitations"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/invitations"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/settings"] = Open(Access.Tenant),
        ["PUT api/t/{tenant}/settings"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/skills"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/skills"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/users"] = Open(Access.Tenant),
        ["PATCH api/t/{tenant}/users/{userId}"] = InTenant("userId", i => i.PlannerUserId),
        ["DELETE api/t/{tenant}/users/{userId}"] = InTenant("userId", i => i.PlannerUserId),
        ["GET api/t/{tenant}/vendors"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/vendors"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/vendors/{vendorId}"] = ApexRow("vendorId", i => i.Demo.ApexInDemo),
        ["PUT api/t/{tenant}/vendors/{vendorId}"] = ApexRow("vendorId", i => i.Demo.ApexInDemo),
        ["DELETE api/t/{tenant}/vendors/{vendorId}"] = ApexRow("vendorId", i => i.Demo.ApexInDemo),
        ["GET api/t/{tenant}/agents"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/agents/export"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/agents"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/agents/import"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/agents/{agentId}"] = ApexRow("agentId", i => i.ApexAgentId),
        ["PUT api/t/{tenant}/agents/{agentId}"] = ApexRow("agentId", i => i.ApexAgentId) with { Body = new { externalRef = "SWEEP", displayName = "Sweep" } },
        ["DELETE api/t/{tenant}/agents/{agentId}"] = ApexRow("agentId", i => i.ApexAgentId),
        ["GET api/t/{tenant}/pool"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/staffing/erlang-c"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/staffing/erlang-a"] = Open(Access.Tenant),
        ["PUT api/t/{tenant}/pool/plans"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/training-sessions"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/training-sessions"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/training-sessions/{id}"] = Session(),
        ["PUT api/t/{tenant}/training-sessions/{id}"] = Session(),
        ["POST api/t/{tenant}/training-sessions/{id}/cancel"] = Session(),
        ["POST api/t/{tenant}/training-sessions/{id}/enrollments"] = Session(),
        ["DELETE api/t/{tenant}/training-sessions/{id}/enrollments/{agentId}"] = Session("agentId", i => i.ApexAgentId),
        ["POST api/t/{tenant}/training-sessions/{id}/results"] = Session(),
        ["GET api/t/{tenant}/rate-cards"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/rate-cards"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/rate-cards/{id}"] = ApexRow("id", i => i.ApexRateCardId),
        ["PUT api/t/{tenant}/rate-cards/{id}"] = ApexRow("id", i => i.ApexRateCardId),
        ["GET api/t/{tenant}/contact-volumes"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/contact-volumes"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/contact-volumes/import"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/statements"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/scorecards"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/statements"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/statements/{id}"] = ApexRow("id", i => i.ApexStatementId),
        ["GET api/t/{tenant}/statements/{id}/pdf"] = ApexRow("id", i => i.ApexStatementId),
        ["GET api/t/{tenant}/statements/{id}/csv"] = ApexRow("id", i => i.ApexStatementId),
        ["POST api/t/{tenant}/statements/{id}/regenerate"] = ApexRow("id", i => i.ApexStatementId),
        ["POST api/t/{tenant}/statements/{id}/issue"] = ApexRow("id", i => i.ApexStatementId),
        ["POST api/t/{tenant}/statements/{id}/void"] = ApexRow("id", i => i.ApexStatementId),
        ["GET api/t/{tenant}/events"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/events"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/events/{eventId}"] = InTenant("eventId", i => i.EventId),
        ["PUT api/t/{tenant}/events/{eventId}"] = InTenant("eventId", i => i.EventId),
        ["PUT api/t/{tenant}/events/{eventId}/forecast"] = InTenant("eventId", i => i.EventId),
        ["POST api/t/{tenant}/events/{eventId}/forecast/import"] = InTenant("eventId", i => i.EventId),
        ["GET api/t/{tenant}/events/{eventId}/staffing"] = InTenant("eventId", i => i.EventId),
        ["GET api/t/{tenant}/events/{eventId}/fill"] = InTenant("eventId", i => i.EventId),
        ["GET api/t/{tenant}/events/{eventId}/in-house"] = InTenant("eventId", i => i.EventId),
        ["PUT api/t/{tenant}/events/{eventId}/in-house"] = InTenant("eventId", i => i.EventId),
        ["POST api/t/{tenant}/events/{eventId}/in-house/import"] = InTenant("eventId", i => i.EventId),
        ["POST api/t/{tenant}/events/{eventId}/in-house/pattern"] = InTenant("eventId", i => i.EventId),
        ["POST api/t/{tenant}/events/{eventId}/plan"] = InTenant("eventId", i => i.EventId),
        ["POST api/t/{tenant}/events/{eventId}/plan/send"] = InTenant("eventId", i => i.EventId),
        ["GET api/t/{tenant}/capacity-requests"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/capacity-requests"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/capacity-requests/{id}"] = ApexRow("id", i => i.ApexRequestId),
        ["POST api/t/{tenant}/capacity-requests/{id}/response"] = ApexRow("id", i => i.ApexRequestId),
        ["POST api/t/{tenant}/capacity-requests/{id}/cancel"] = ApexRow("id", i => i.ApexRequestId),
        ["GET api/t/{tenant}/shifts"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/shifts/calendar.ics"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/shifts"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/shifts/{shiftId}"] = ApexRow("shiftId", i => i.ApexShiftId),
        ["POST api/t/{tenant}/shifts/{shiftId}/assignments"] = ApexRow("shiftId", i => i.ApexShiftId) with { Body = new { agentIds = new[] { Guid.NewGuid() } } },
        ["POST api/t/{tenant}/shifts/{shiftId}/cancel"] = ApexRow("shiftId", i => i.ApexShiftId),
        ["PATCH api/t/{tenant}/shifts/{shiftId}"] = ApexRow("shiftId", i => i.ApexShiftId) with { Body = new { startsAt = "2030-01-07T09:00:00+08:00", endsAt = "2030-01-07T13:00:00+08:00" } },
        ["POST api/t/{tenant}/confirmations"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/attendance"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/readiness"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/alerts"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/alerts/{id}/acknowledge"] = ApexRow("id", i => i.ApexAlertId),
        ["POST api/t/{tenant}/alerts/evaluate"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/webhooks"] = Open(Access.Tenant),
        ["POST api/t/{tenant}/webhooks"] = Open(Access.Tenant),
        ["GET api/t/{tenant}/webhooks/{id}"] = ApexRow("id", i => i.ApexWebhookId),
        ["PUT api/t/{tenant}/webhooks/{id}"] = ApexRow("id", i => i.ApexWebhookId) with { Body = new { url = "https://203.0.113.10/hook", enabled = false } },
        ["DELETE api/t/{tenant}/webhooks/{id}"] = ApexRow("id", i => i.ApexWebhookId),
        ["POST api/t/{tenant}/webhooks/{id}/rotate-secret"] = ApexRow("id", i => i.ApexWebhookId),
        ["POST api/t/{tenant}/webhooks/{id}/test"] = ApexRow("id", i => i.ApexWebhookId),
        ["GET api/t/{tenant}/webhooks/{id}/deliveries"] = ApexRow("id", i => i.ApexWebhookId),
        ["POST api/t/{tenant}/webhooks/{id}/deliveries/{deliveryId}/replay"] = new(Access.Tenant,
            new Dictionary<string, Func<Ids, Guid>> { ["id"] = i => i.ApexWebhookId, ["deliveryId"] = _ => Guid.NewGuid() }, "id"),
    };

    private static readonly string[] ExpectedAnonymous = ["auth/forgot-password", "auth/login", "auth/refresh", "auth/reset-password", "calendar/{token}.ics", "invitations/accept"];

    [Fact]
    public void Every_api_endpoint_is_listed_in_the_sweep_with_all_its_route_parameters()
    {
        var endpoints = ApiEndpoint.All(app.Services);
        Assert.NotEmpty(endpoints);
        var problems = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (!Routes.TryGetValue(endpoint.Key, out var sweep))
            {
                problems.Add($"add {endpoint.Key} to the isolation sweep (Tenancy/IsolationSweepTests.Routes): say who may call it and how to fill its route parameters.");
                continue;
            }
            foreach (var parameter in endpoint.Parameters.Where(p => p != ApiEndpoint.TenantParameter && !sweep.Parameters.ContainsKey(p)))
                problems.Add($"add {endpoint.Key} to the isolation sweep: it has the route parameter {{{parameter}}} and the sweep has no value for it.");
            if (endpoint.IsTenantRoute != (sweep.Access == Access.Tenant))
                problems.Add($"{endpoint.Key}: the isolation sweep lists it as {sweep.Access}, but its route says otherwise. Fix the entry.");
        }
        foreach (var stale in Routes.Keys.Except(endpoints.Select(e => e.Key)))
            problems.Add($"{stale} is listed in the isolation sweep but the app no longer maps it: remove it from the table.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Only_sign_in_invitation_acceptance_and_private_calendar_addresses_allow_anonymous_callers()
    {
        var anonymous = ApiEndpoint.All(app.Services).Where(e => e.AllowsAnonymous)
            .Select(e => e.Route["api/".Length..]).Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.Equal(ExpectedAnonymous, anonymous);
        Assert.All(Routes.Where(r => r.Value.Access == Access.Anonymous), r => Assert.Contains(r.Key.Split(' ')[1]["api/".Length..], ExpectedAnonymous));
    }

    [Fact]
    public async Task Anonymous_callers_get_401_problem_details_from_every_protected_endpoint()
    {
        var ids = await IdsAsync();
        using var client = app.Anonymous();
        await SweepAsync(e => !e.AllowsAnonymous, async (endpoint, sweep) =>
        {
            using var response = await client.SendAsync(endpoint.Request(Values(endpoint, sweep, ids, "demo")));
            return await Expect(response, HttpStatusCode.Unauthorized);
        });
    }

    [Fact]
    public async Task Member_of_another_tenant_gets_404_from_every_tenant_endpoint()
    {
        var ids = await IdsAsync();
        using var sandboxAdmin = await app.ClientFor(DemoData.SandboxAdmin);
        await SweepAsync(e => e.IsTenantRoute, async (endpoint, sweep) =>
        {
            using var response = await sandboxAdmin.SendAsync(endpoint.Request(Values(endpoint, sweep, ids, "demo")));
            return await Expect(response, HttpStatusCode.NotFound);
        });
    }

    [Fact]
    public async Task Platform_operator_without_a_membership_gets_404_from_every_tenant_endpoint()
    {
        var ids = await IdsAsync();
        using var operatorClient = await app.ClientFor(DemoData.Operator);
        await SweepAsync(e => e.IsTenantRoute, async (endpoint, sweep) =>
        {
            using var response = await operatorClient.SendAsync(endpoint.Request(Values(endpoint, sweep, ids, "demo")));
            return await Expect(response, HttpStatusCode.NotFound);
        });
    }

    [Fact]
    public async Task Unknown_tenant_gets_404_from_every_tenant_endpoint()
    {
        var ids = await IdsAsync();
        using var admin = await app.ClientFor(DemoData.Admin);
        await SweepAsync(e => e.IsTenantRoute, async (endpoint, sweep) =>
        {
            using var response = await admin.SendAsync(endpoint.Request(Values(endpoint, sweep, ids, UnknownTenant)));
            return await Expect(response, HttpStatusCode.NotFound);
        });
    }

    [Fact]
    public async Task Vendor_user_cannot_reach_another_vendors_rows()
    {
        var ids = await IdsAsync();
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var apex = await app.ClientFor(DemoData.Apex);
        var swept = 0;
        await SweepAsync(e => Routes.TryGetValue(e.Key, out var s) && s.VendorOwned is not null, async (endpoint, sweep) =>
        {
            swept++;
            var values = Values(endpoint, sweep, ids, "demo");
            if (endpoint.Method == "GET" && endpoint.AllowsRole(TenantRoles.VendorManager))
            {
                using var own = await apex.SendAsync(endpoint.Request(values));
                if (own.StatusCode != HttpStatusCode.OK)
                    return $"{endpoint.Key}: Apex's own manager got {(int)own.StatusCode} on Apex's row, so the row the sweep aims at is not real.";
            }
            using var response = await harbor.SendAsync(endpoint.Request(values, sweep.Body is null ? null : JsonContent.Create(sweep.Body)));
            // A role that may not call the endpoint at all is refused before any row is looked at.
            return await Expect(response, endpoint.AllowsRole(TenantRoles.VendorManager) ? HttpStatusCode.NotFound : HttpStatusCode.Forbidden);
        });
        Assert.True(swept > 0, "The sweep found no vendor-owned route to test.");
    }

    [Fact]
    public async Task Platform_endpoints_refuse_tenant_members_with_403_and_let_operators_in()
    {
        var ids = await IdsAsync();
        using var admin = await app.ClientFor(DemoData.Admin);
        using var operatorClient = await app.ClientFor(DemoData.Operator);
        await SweepAsync(e => Routes.TryGetValue(e.Key, out var s) && s.Access == Access.Platform, async (endpoint, sweep) =>
        {
            using var refused = await admin.SendAsync(endpoint.Request(Values(endpoint, sweep, ids, "demo")));
            if (await Expect(refused, HttpStatusCode.Forbidden) is { } problem) return problem;
            // An empty body is refused by validation, which runs only after authorization let the operator in.
            using var allowed = await operatorClient.SendAsync(endpoint.Request(Values(endpoint, sweep, ids, "demo")));
            return allowed.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
                ? $"{endpoint.Key}: the platform operator got {(int)allowed.StatusCode}."
                : null;
        });
    }

    [Fact]
    public async Task Jobs_dashboard_sends_anonymous_visitors_to_sign_in()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Pages.Login, PathOf(response.Headers.Location));
    }

    [Fact]
    public async Task Jobs_dashboard_refuses_signed_in_tenant_members()
    {
        using var client = await app.CookieClientFor(DemoData.Admin);
        using var response = await client.GetAsync("/hangfire");
        // A signed-in browser user is shown the portal's access-denied page rather than a bare 403.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(Pages.Denied, PathOf(response.Headers.Location));
    }

    [Fact]
    public async Task Jobs_dashboard_refuses_api_keys()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create,
            new { name = $"dashboard {Guid.NewGuid():N}", role = TenantRoles.VendorManager, vendorId = demo.ApexInDemo });
        await created.ShouldBe(HttpStatusCode.Created);
        using var client = app.ApiKeyClient((string)(await created.ReadObjectAsync())["plainTextKey"]!);
        using var response = await client.GetAsync("/hangfire");
        // The 403 is re-executed through the portal's /error/{code} page, which answers 404 where it does not exist.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.NotFound });
        Assert.DoesNotContain("VendorPortal jobs", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Jobs_dashboard_opens_for_platform_operators()
    {
        using var client = await app.CookieClientFor(DemoData.Operator);
        using var response = await client.GetAsync("/hangfire");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Contains("VendorPortal jobs", await response.Content.ReadAsStringAsync());
    }

    private static string? PathOf(Uri? location) =>
        location is null ? null : location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];

    private async Task SweepAsync(Func<ApiEndpoint, bool> include, Func<ApiEndpoint, Sweep, Task<string?>> check)
    {
        var selected = ApiEndpoint.All(app.Services).Where(include).ToList();
        Assert.NotEmpty(selected);
        var problems = new List<string>();
        foreach (var endpoint in selected)
        {
            if (!Routes.TryGetValue(endpoint.Key, out var sweep))
                problems.Add($"add {endpoint.Key} to the isolation sweep (Tenancy/IsolationSweepTests.Routes).");
            else if (await check(endpoint, sweep) is { } problem)
                problems.Add(problem);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<string?> Expect(HttpResponseMessage response, HttpStatusCode expected)
    {
        var what = $"{response.RequestMessage!.Method} {response.RequestMessage.RequestUri!.AbsolutePath}";
        if (response.StatusCode != expected)
            return $"{what}: expected {(int)expected}, got {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        if (response.Content.Headers.ContentType?.MediaType != Responses.ProblemJson)
            return $"{what}: expected problem details, got content type '{response.Content.Headers.ContentType}'.";
        return null;
    }

    private static Dictionary<string, string> Values(ApiEndpoint endpoint, Sweep sweep, Ids ids, string tenant)
    {
        var values = sweep.Parameters.ToDictionary(p => p.Key, p => p.Value(ids).ToString());
        values[ApiEndpoint.TenantParameter] = tenant;
        foreach (var parameter in endpoint.Parameters.Where(p => !values.ContainsKey(p)))
            Assert.Fail($"add {endpoint.Key} to the isolation sweep: no value for its route parameter {{{parameter}}}.");
        return values;
    }

    private async Task<Ids> IdsAsync()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create,
            new { name = $"sweep {Guid.NewGuid():N}", role = TenantRoles.VendorManager, vendorId = demo.ApexInDemo });
        await created.ShouldBe(HttpStatusCode.Created);
        var key = await created.ReadObjectAsync();
        var agents = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.List.Query($"vendorId={demo.ApexInDemo}&pageSize=1"), Json.Options);
        var sessions = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Training.List.Query("pageSize=1"), Json.Options);
        var events = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.List.Query("pageSize=1"), Json.Options);
        var cards = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.RateCards.List.Query($"vendorId={demo.ApexInDemo}&pageSize=1"), Json.Options);
        using var planner = await app.ClientFor(DemoData.Planner);
        var sweepEvent = await planner.NewEventAsync(daysAhead: 120, days: 1);
        var request = await planner.RequestAsync(sweepEvent, demo.ApexInDemo, [ShiftSetup.Plan(ShiftSetup.Local(120, 9), ShiftSetup.Local(120, 17), 3)]);
        var shiftId = await planner.NewShiftAsync(sweepEvent, demo.ApexInDemo, ShiftSetup.Local(120, 9), ShiftSetup.Local(120, 17), 3);
        // An Apex shift two days out with nobody confirmed: the alert job raises alerts for it.
        var soonEvent = await planner.NewEventAsync(daysAhead: 2, days: 1);
        var soonShift = await planner.NewShiftAsync(soonEvent, demo.ApexInDemo, ShiftSetup.Local(2, 9), ShiftSetup.Local(2, 17), 1);
        await app.RunJobAsync<EvaluateAlerts>(j => j.RunAsync(demo.DemoTenantId, CancellationToken.None));
        var alerts = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Alerts.List.Query($"status=all&eventId={soonEvent}&pageSize=1"), Json.Options);
        return new Ids(demo, Guid.Parse((string)key["key"]!["id"]!),
            Guid.Parse((string)agents!["items"]![0]!["id"]!), Guid.Parse((string)sessions!["items"]![0]!["id"]!),
            Guid.Parse((string)cards!["items"]![0]!["id"]!),
            Guid.Parse((string)(await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query($"vendorId={demo.ApexInDemo}&pageSize=1"), Json.Options))!["items"]![0]!["id"]!),
            Guid.Parse((string)events!["items"]![0]!["id"]!),
            Guid.Parse((string)request["id"]!), shiftId, Guid.Parse((string)alerts!["items"]![0]!["id"]!),
            // The demo planner: the sweeps only ever send it where the request must be refused.
            Guid.Parse((string)(await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Users.List.Query("pageSize=200"), Json.Options))!["items"]!.AsArray()
                .Single(u => (string?)u!["email"] == DemoData.Planner)!["userId"]!),
            await ApexWebhookAsync());
    }

    /// <summary>An endpoint of Apex's, made by Apex's manager; disabled, so the sweep's own events send it nothing.</summary>
    private async Task<Guid> ApexWebhookAsync()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        using var created = await apex.SendAsync(ApiRoutes.Demo.Webhooks.Create, new { url = "https://203.0.113.10/hook", enabled = false });
        await created.ShouldBe(HttpStatusCode.Created);
        return (await created.ReadObjectAsync()).Id();
    }
}
