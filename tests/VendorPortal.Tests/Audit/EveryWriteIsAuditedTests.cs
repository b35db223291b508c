using System.Diagnostics;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorPortal.Tests.Agents;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Alerts;
using Xunit.Abstractions;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Audit;

/// <summary>
/// Performs every write operation of the app's OpenAPI document once, with valid input, as a role allowed to do it, and
/// proves each left a new audit row naming the actor, the record type and action, and the tenant. An operation of the
/// document missing from <see cref="Writes"/> (or <see cref="Exempt"/>) fails the test, so new endpoints join by adding one row.
/// It runs on a host of its own whose clock it moves (attendance needs a shift that has started).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class EveryWriteIsAuditedTests(ClockedApp clocked, ITestOutputHelper output) : IClassFixture<ClockedApp>
{
    /// <summary>Who performs the write, and how to make its input from rows of its own.</summary>
    private sealed record Write(string Actor, Func<Setup, Task<Call>> Prepare)
    {
        public Write(string actor, Func<Setup, Call> prepare) : this(actor, s => Task.FromResult(prepare(s)))
        {
        }
    }

    /// <summary>Route values other than {tenant} (which is demo), a query string, a body; <paramref name="Tenant"/> reads the tenant from the answer where the route names none.</summary>
    private sealed record Call(IReadOnlyDictionary<string, string> Route, HttpContent? Body, string Query = "", Func<JsonObject, Guid>? Tenant = null);

    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        ["POST /api/auth/login"] = "signing in changes no business record; failures are counted by Identity's lockout",
        ["POST /api/auth/refresh"] = "renews a session's token; no business record changes",
        ["POST /api/invitations/accept"] = "anonymous: the audit row names the invitation, not a signed-in actor (covered by the invitation tests)",
        ["POST /api/auth/forgot-password"] = "anonymous and tenant-less: only queues an e-mail; no record changes",
        ["POST /api/auth/reset-password"] = "changes the person's own credentials, which belong to no tenant's trail; it ends their sign-ins (RevocationTests)",
        ["PUT /api/me/notification-preferences"] = "a person's own e-mail choices, which belong to no tenant's trail (NotificationMailTests)",
        ["POST /api/t/{tenant}/events/{eventId}/plan"] = "suggests a plan and writes nothing (PlanTests: planning creates no request)",
        ["POST /api/t/{tenant}/webhooks/{id}/test"] = "queues a delivery (an outbox row, like an e-mail); no business record changes (WebhookTests)",
        ["POST /api/t/{tenant}/webhooks/{id}/deliveries/{deliveryId}/replay"] = "sends an outbox row again; no business record changes (WebhookTests)",
    };

    private static readonly Dictionary<string, Write> Writes = new(StringComparer.Ordinal)
    {
        ["POST /api/platform/tenants"] = new(DemoData.Operator, s => s.Json(new { slug = $"audit-{Guid.NewGuid():N}"[..20], name = "Audited tenant", timeZone = "Asia/Shanghai", currency = "CNY", adminEmail = People.NewEmail("audit"), language = "en" }) with { Tenant = r => r.Id() }),
        ["POST /api/t/{tenant}/api-keys"] = new(DemoData.Admin, async s => s.Json(new { name = Unique("key"), role = "VendorManager", vendorId = (await s.Demo).ApexInDemo })),
        ["DELETE /api/t/{tenant}/api-keys/{id}"] = new(DemoData.Admin, async s => s.None(("id", await s.ApiKeyAsync()))),
        ["POST /api/t/{tenant}/webhooks"] = new(DemoData.Planner, s => s.Json(new { url = "https://203.0.113.10/hook", enabled = false })),
        ["PUT /api/t/{tenant}/webhooks/{id}"] = new(DemoData.Planner, async s => s.Json(new { url = "https://203.0.113.11/hook", enabled = false }, ("id", await s.WebhookAsync()))),
        ["DELETE /api/t/{tenant}/webhooks/{id}"] = new(DemoData.Planner, async s => s.None(("id", await s.WebhookAsync()))),
        ["POST /api/t/{tenant}/webhooks/{id}/rotate-secret"] = new(DemoData.Planner, async s => s.None(("id", await s.WebhookAsync()))),
        ["POST /api/t/{tenant}/invitations"] = new(DemoData.Admin, s => s.Json(new { email = People.NewEmail("audit"), role = "Planner", language = "en" })),
        ["PATCH /api/t/{tenant}/users/{userId}"] = new(DemoData.Admin, async s => s.Json(new { role = "Finance" }, ("userId", await s.MemberAsync()))),
        ["DELETE /api/t/{tenant}/users/{userId}"] = new(DemoData.Admin, async s => s.None(("userId", await s.MemberAsync()))),
        ["PUT /api/t/{tenant}/settings"] = new(DemoData.Admin, async s => s.Json(await s.ChangedSettingsAsync())),
        ["POST /api/t/{tenant}/skills"] = new(DemoData.Admin, s => s.Json(new { code = Unique("SK"), name = "Audited skill" })),
        ["POST /api/t/{tenant}/vendors"] = new(DemoData.Admin, s => s.Json(new { name = Unique("Vendor") })),
        ["PUT /api/t/{tenant}/vendors/{vendorId}"] = new(DemoData.Admin, async s => s.Json(new { name = Unique("Vendor"), contactName = "Changed" }, ("vendorId", await s.VendorAsync()))),
        ["DELETE /api/t/{tenant}/vendors/{vendorId}"] = new(DemoData.Admin, async s => s.None(("vendorId", await s.VendorAsync()))),
        ["POST /api/t/{tenant}/agents"] = new(DemoData.Apex, s => s.Json(new { externalRef = ReserveAgents.NewRef("A"), displayName = "Audited agent", skills = new[] { "PRESALES" } })),
        ["POST /api/t/{tenant}/agents/import"] = new(DemoData.Apex, s => s.Csv($"externalRef,displayName,skills\n{ReserveAgents.NewRef("I")},Imported agent,PRESALES\n")),
        ["PUT /api/t/{tenant}/agents/{agentId}"] = new(DemoData.Apex, async s => { var (id, reference) = await s.AgentWithRefAsync(); return s.Json(new { externalRef = reference, displayName = "Renamed agent", skills = new[] { "PRESALES" } }, ("agentId", id)); }),
        ["DELETE /api/t/{tenant}/agents/{agentId}"] = new(DemoData.Apex, async s => s.None(("agentId", await s.AgentAsync()))),
        ["PUT /api/t/{tenant}/pool/plans"] = new(DemoData.Planner, async s => s.Json(new { plans = new[] { new { vendorId = await s.VendorAsync(), skill = "PRESALES", peakHeadcount = 5 } } })),
        ["POST /api/t/{tenant}/training-sessions"] = new(DemoData.Planner, s => s.Json(s.SessionBody(20))),
        ["PUT /api/t/{tenant}/training-sessions/{id}"] = new(DemoData.Planner, async s => s.Json(s.SessionBody(21), ("id", await s.SessionAsync()))),
        ["POST /api/t/{tenant}/training-sessions/{id}/cancel"] = new(DemoData.Planner, async s => s.Json(new { reason = "Trainer ill" }, ("id", await s.SessionAsync()))),
        ["POST /api/t/{tenant}/training-sessions/{id}/enrollments"] = new(DemoData.Apex, async s => s.Json(new { agentIds = new[] { await s.AgentAsync() } }, ("id", await s.SessionAsync()))),
        ["DELETE /api/t/{tenant}/training-sessions/{id}/enrollments/{agentId}"] = new(DemoData.Apex, async s => { var (session, agent) = await s.EnrolledAsync(); return s.None(("id", session), ("agentId", agent)); }),
        ["POST /api/t/{tenant}/training-sessions/{id}/results"] = new(DemoData.Planner, async s => { var (session, agent) = await s.EnrolledAsync(held: true); return s.Json(new { results = new[] { new { agentId = agent, outcome = "passed" } } }, ("id", session)); }),
        ["POST /api/t/{tenant}/rate-cards"] = new(DemoData.Finance, async s => s.Json(Card(await s.VendorAsync(), 1.5m))),
        ["PUT /api/t/{tenant}/rate-cards/{id}"] = new(DemoData.Finance, async s => { var (vendor, card) = await s.RateCardAsync(); return s.Json(Card(vendor, 2.25m), ("id", card)); }),
        ["POST /api/t/{tenant}/contact-volumes"] = new(DemoData.Finance, async s => s.Json(new { rows = new[] { new { vendorId = await s.VendorAsync(), skill = "PRESALES", date = "2026-01-05", handled = 120 } } })),
        ["POST /api/t/{tenant}/contact-volumes/import"] = new(DemoData.Finance, async s => s.Csv("skill,date,handled\nPRESALES,2026-01-06,80\n") with { Query = $"?vendorId={await s.VendorAsync()}" }),
        ["POST /api/t/{tenant}/statements"] = new(DemoData.Finance, async s => s.Json(new { vendorId = (await s.RateCardAsync()).Vendor, month = "2026-01" })),
        ["POST /api/t/{tenant}/statements/{id}/regenerate"] = new(DemoData.Finance, async s => s.Json(new { taxRate = 0.06m, adjustments = Array.Empty<object>() }, ("id", (await s.DraftAsync()).Id()))),
        ["POST /api/t/{tenant}/statements/{id}/issue"] = new(DemoData.Finance, async s => { var draft = await s.DraftAsync(); return s.Json(new { expectedTotal = (decimal)draft["total"]! }, ("id", draft.Id())); }),
        ["POST /api/t/{tenant}/statements/{id}/void"] = new(DemoData.Finance, async s => s.Json(new { reason = "Wrong volumes" }, ("id", await s.IssuedAsync()))),
        ["POST /api/t/{tenant}/events"] = new(DemoData.Planner, s => s.Json(new { name = Unique("Event"), startDate = s.Day(40), endDate = s.Day(41) })),
        ["PUT /api/t/{tenant}/events/{eventId}"] = new(DemoData.Planner, async s => s.Json(new { name = Unique("Event"), startDate = s.Day(40), endDate = s.Day(42) }, ("eventId", await s.EventAsync(40)))),
        ["PUT /api/t/{tenant}/events/{eventId}/forecast"] = new(DemoData.Planner, async s => s.Json(new { rows = new[] { new { skill = "PRESALES", date = s.Day(40), start = "10:00", contacts = 100, ahtSeconds = 180 } } }, ("eventId", await s.ForecastedEventAsync()))),
        ["PUT /api/t/{tenant}/events/{eventId}/in-house"] = new(DemoData.Planner, async s => s.Json(new { intervals = new[] { new { skill = "PRESALES", date = s.Day(40), start = "10:00", agents = 12 } } }, ("eventId", await s.EventAsync(40)))),
        ["POST /api/t/{tenant}/events/{eventId}/in-house/import"] = new(DemoData.Planner, async s => s.Csv($"skill,date,start,agents\nPRESALES,{s.Day(40):yyyy-MM-dd},10:30,8\n", ("eventId", await s.EventAsync(40)))),
        ["POST /api/t/{tenant}/events/{eventId}/in-house/pattern"] = new(DemoData.Planner, async s => s.Json(new { skill = "PRESALES", days = new[] { "all" }, from = "09:00", to = "18:00", agents = 20 }, ("eventId", await s.EventAsync(40)))),
        ["POST /api/t/{tenant}/events/{eventId}/forecast/import"] = new(DemoData.Planner, async s => s.Csv($"skill,date,start,contacts,ahtSeconds\nPRESALES,{s.Day(40):yyyy-MM-dd},10:30,50,200\n", ("eventId", await s.ForecastedEventAsync()))),
        ["POST /api/t/{tenant}/capacity-requests"] = new(DemoData.Planner, async s => s.Json(await s.RequestBodyAsync())),
        ["POST /api/t/{tenant}/events/{eventId}/plan/send"] = new(DemoData.Planner, async s => s.Json(new
        {
            respondByLocal = s.At(5, 12),
            shifts = new[] { new { skill = "PRESALES", date = s.Day(36), start = "09:00", end = "13:00", allocations = new[] { new { vendorId = (await s.Demo).ApexInDemo, requested = 3 } } } },
        }, ("eventId", await s.EventAsync(36)))),
        ["POST /api/t/{tenant}/capacity-requests/{id}/response"] = new(DemoData.Apex, async s => { var request = await s.CapacityRequestAsync(); return s.Json(new { shifts = new[] { new { requestedShiftId = (string)request["shifts"]![0]!["id"]!, committed = 2 } } }, ("id", request.Id())); }),
        ["POST /api/t/{tenant}/capacity-requests/{id}/cancel"] = new(DemoData.Planner, async s => s.Json(new { reason = "Forecast dropped" }, ("id", (await s.CapacityRequestAsync()).Id()))),
        ["POST /api/t/{tenant}/shifts"] = new(DemoData.Planner, async s => s.Json(new { eventId = await s.EventAsync(30), vendorId = (await s.Demo).ApexInDemo, skill = "PRESALES", startsAtLocal = s.At(30, 9), endsAtLocal = s.At(30, 13), headcount = 2 })),
        ["POST /api/t/{tenant}/shifts/{shiftId}/assignments"] = new(DemoData.Apex, async s => s.Json(new { agentIds = new[] { await s.AgentAsync() } }, ("shiftId", await s.ShiftAsync(31)))),
        ["PATCH /api/t/{tenant}/shifts/{shiftId}"] = new(DemoData.Planner, async s => s.Json(MoveTo(s.At(34, 10), s.At(34, 14)), ("shiftId", await s.ShiftAsync(34)))),
        ["POST /api/t/{tenant}/shifts/{shiftId}/cancel"] = new(DemoData.Planner, async s => s.Json(new { reason = "Promotion moved" }, ("shiftId", await s.ShiftAsync(32)))),
        ["POST /api/t/{tenant}/confirmations"] = new(DemoData.Apex, async s => s.Json(new[] { new { assignmentId = await s.AssignmentAsync(33, started: false), decision = "confirm" } })),
        ["POST /api/t/{tenant}/attendance"] = new(DemoData.Apex, async s => s.Json(new[] { new { assignmentId = await s.AssignmentAsync(2, started: true), attended = true } })),
        ["POST /api/t/{tenant}/alerts/{id}/acknowledge"] = new(DemoData.Planner, async s => s.None(("id", await s.AlertAsync()))),
        ["POST /api/t/{tenant}/alerts/evaluate"] = new(DemoData.Planner, async s => { await s.UnscannedShortShiftAsync(); return s.None(); }),
    };

    private AppFactory App => clocked.App;

    [Fact]
    public async Task Every_write_operation_of_the_api_document_leaves_an_audit_row_naming_actor_record_and_tenant()
    {
        var timer = Stopwatch.StartNew();
        var operations = await WriteOperationsAsync();
        var problems = operations.Where(o => !Writes.ContainsKey(o) && !Exempt.ContainsKey(o))
            .Select(o => $"add {o} to Audit/EveryWriteIsAuditedTests.Writes (who performs it and a valid input), or to Exempt with a reason.")
            .Concat(Writes.Keys.Concat(Exempt.Keys).Except(operations).Select(o => $"{o} is in Audit/EveryWriteIsAuditedTests but not in /openapi/v1.json: remove it."))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        var demo = await App.Demo;
        var setup = new Setup(App, clocked);
        foreach (var key in operations.Where(Writes.ContainsKey))
        {
            var (method, route) = (key.Split(' ')[0], key.Split(' ')[1]);
            var write = Writes[key];
            var call = await write.Prepare(setup);
            var known = await AuditIdsAsync(write.Actor);
            var path = ApiPath(route, call.Route) + call.Query;
            using var client = await App.ClientFor(write.Actor);
            using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = call.Body });
            var body = await response.Content.ReadAsStringAsync();
            if (!response.IsSuccessStatusCode)
            {
                problems.Add($"{key}: the valid input was refused with {(int)response.StatusCode}: {body}");
                continue;
            }
            var tenant = call.Tenant is null ? demo.DemoTenantId : call.Tenant(JsonNode.Parse(body)!.AsObject());
            var rows = (await AuditRowsAsync(write.Actor)).Where(a => !known.Contains(a.Id)).ToList();
            if (!rows.Any(a => a.TenantId == tenant && a.EntityType.Length > 0 && a.Action is "created" or "updated" or "deleted"))
                problems.Add($"{key}: no new audit row by {write.Actor} in tenant {tenant} (new rows: " +
                    $"{string.Join(", ", rows.Select(a => $"{a.Action} {a.EntityType} in {a.TenantId}"))}).");
        }
        output.WriteLine($"{Writes.Count} write operations performed and checked in {timer.Elapsed.TotalSeconds:0.0} s.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private async Task<IReadOnlyList<string>> WriteOperationsAsync()
    {
        using var client = App.Anonymous();
        var paths = (await client.GetFromJsonAsync<JsonObject>("/openapi/v1.json"))!["paths"]!.AsObject();
        return [.. paths.Where(p => p.Key.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(p => p.Value!.AsObject().Select(m => m.Key.ToUpperInvariant()).Where(m => m is "POST" or "PUT" or "PATCH" or "DELETE")
                .Select(m => $"{m} {p.Key}"))];
    }

    private static string ApiPath(string route, IReadOnlyDictionary<string, string> values) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+)\}", m => m.Groups[1].Value == "tenant" ? "demo"
            : values.TryGetValue(m.Groups[1].Value, out var v) ? Uri.EscapeDataString(v)
            : throw new InvalidOperationException($"No value for {m.Value} in {route}: give the row in Writes one."));

    private async Task<HashSet<Guid>> AuditIdsAsync(string actor) => [.. (await AuditRowsAsync(actor)).Select(a => a.Id)];

    private async Task<List<VendorPortal.Web.Features.Audit.AuditEntry>> AuditRowsAsync(string actor)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        // The test reads every tenant's trail, as an operator's report would.
        return await db.AuditEntries.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking().Where(a => a.ActorName == actor).ToListAsync();
    }

    private static string Unique(string prefix) => $"{prefix}{Guid.NewGuid():N}"[..(prefix.Length + 10)].ToUpperInvariant();

    private static object Card(Guid vendorId, decimal price) =>
        new { vendorId, effectiveFrom = "2026-01-01", tiers = new[] { new { upTo = (long?)null, unitPrice = price } } };

    /// <summary>Fresh rows of tenant demo for each write, made through the API, with dates from the host's clock.</summary>
    private sealed class Setup(AppFactory app, ClockedApp clocked)
    {
        public Task<DemoData> Demo => app.Demo;

        public Call Json(object body, params (string Name, Guid Value)[] route) => new(Route(route), JsonContent.Create(body));

        public Call Csv(string text, params (string Name, Guid Value)[] route) =>
            new(Route(route), new StringContent(text, Encoding.UTF8, "text/csv"));

        public Call None(params (string Name, Guid Value)[] route) => new(Route(route), null);

        private static Dictionary<string, string> Route((string Name, Guid Value)[] route) => route.ToDictionary(r => r.Name, r => r.Value.ToString());

        public DateOnly Day(int daysAhead) => DemoToday(clocked.Clock).AddDays(daysAhead);

        public DateTime At(int daysAhead, int hour) => Wall(Day(daysAhead), hour);

        private Task<HttpClient> As(string email) => app.ClientFor(email);

        public object SessionBody(int daysAhead) => new
        {
            title = Unique("Session"), skills = new[] { "PRESALES" }, capacity = 10, startsAtLocal = At(daysAhead, 9), endsAtLocal = At(daysAhead, 12),
        };

        public async Task<Guid> MemberAsync()
        {
            var email = await app.NewMemberAsync("audit");
            using var admin = await As(DemoData.Admin);
            var users = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Users.List.Query("pageSize=200"));
            return Guid.Parse((string)users!["items"]!.AsArray().Single(u => (string?)u!["email"] == email)!["userId"]!);
        }

        /// <summary>A disabled endpoint of the tenant's, so it receives none of the other writes' events.</summary>
        public async Task<Guid> WebhookAsync()
        {
            using var planner = await As(DemoData.Planner);
            using var response = await planner.SendAsync(ApiRoutes.Demo.Webhooks.Create, new { url = "https://203.0.113.10/hook", enabled = false });
            await response.ShouldBe(HttpStatusCode.Created);
            return (await response.ReadObjectAsync()).Id();
        }

        public async Task<Guid> ApiKeyAsync()
        {
            using var admin = await As(DemoData.Admin);
            using var response = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = Unique("key"), role = "VendorManager", vendorId = (await Demo).ApexInDemo });
            await response.ShouldBe(HttpStatusCode.Created);
            return (await response.ReadObjectAsync())["key"]!.Id();
        }

        public async Task<JsonObject> ChangedSettingsAsync()
        {
            using var admin = await As(DemoData.Admin);
            var settings = (await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Settings.Get))!;
            settings["confirmedAlertPercent"] = (int)settings["confirmedAlertPercent"]! == 90 ? 85 : 90;
            return settings;
        }

        public async Task<Guid> VendorAsync()
        {
            using var admin = await As(DemoData.Admin);
            using var response = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = Unique("Vendor") });
            await response.ShouldBe(HttpStatusCode.Created);
            return (await response.ReadObjectAsync()).Id();
        }

        public async Task<Guid> AgentAsync()
        {
            using var apex = await As(DemoData.Apex);
            return await apex.NewAgentAsync("Audit agent", "active", "PRESALES");
        }

        public async Task<(Guid Id, string Reference)> AgentWithRefAsync()
        {
            var reference = ReserveAgents.NewRef("U");
            using var apex = await As(DemoData.Apex);
            using var response = await apex.SendAsync(ApiRoutes.Demo.Agents.Create, new { externalRef = reference, displayName = "Audit agent", skills = new[] { "PRESALES" } });
            await response.ShouldBe(HttpStatusCode.Created);
            return ((await response.ReadObjectAsync()).Id(), reference);
        }

        public async Task<Guid> SessionAsync(int daysAhead = 22)
        {
            using var planner = await As(DemoData.Planner);
            using var response = await planner.SendAsync(ApiRoutes.Demo.Training.Create, SessionBody(daysAhead));
            await response.ShouldBe(HttpStatusCode.Created);
            return (await response.ReadObjectAsync())["session"]!.Id();
        }

        /// <summary>A session with one Apex agent enrolled; <paramref name="held"/> moves it to yesterday so results can be recorded.</summary>
        public async Task<(Guid Session, Guid Agent)> EnrolledAsync(bool held = false)
        {
            var session = await SessionAsync();
            var agent = await AgentAsync();
            using var apex = await As(DemoData.Apex);
            using (var enrolled = await apex.EnrollAsync(session, agent)) await enrolled.ShouldBe(HttpStatusCode.OK);
            if (held)
            {
                using var planner = await As(DemoData.Planner);
                using var moved = await planner.SendAsync(ApiRoutes.Demo.Training.Update(session), new
                {
                    title = "Already held", skills = new[] { "PRESALES" }, capacity = 10, startsAtLocal = At(-1, 9), endsAtLocal = At(-1, 12),
                });
                await moved.ShouldBe(HttpStatusCode.OK);
            }
            return (session, agent);
        }

        public async Task<(Guid Vendor, Guid Card)> RateCardAsync()
        {
            var vendor = await VendorAsync();
            using var finance = await As(DemoData.Finance);
            using var response = await finance.SendAsync(ApiRoutes.Demo.RateCards.Create, Card(vendor, 1.5m));
            await response.ShouldBe(HttpStatusCode.Created);
            return (vendor, (await response.ReadObjectAsync()).Id());
        }

        public async Task<JsonObject> DraftAsync()
        {
            var (vendor, _) = await RateCardAsync();
            using var finance = await As(DemoData.Finance);
            using var response = await finance.SendAsync(ApiRoutes.Demo.Statements.Generate, new { vendorId = vendor, month = "2026-01" });
            await response.ShouldBe(HttpStatusCode.Created);
            return (await response.ReadObjectAsync())["statement"]!.AsObject();
        }

        public async Task<Guid> IssuedAsync()
        {
            var draft = await DraftAsync();
            using var finance = await As(DemoData.Finance);
            using var response = await finance.SendAsync(ApiRoutes.Demo.Statements.Issue(draft.Id()), new { expectedTotal = (decimal)draft["total"]! });
            await response.ShouldBe(HttpStatusCode.OK);
            return draft.Id();
        }

        public async Task<Guid> EventAsync(int daysAhead)
        {
            using var planner = await As(DemoData.Planner);
            return await planner.NewEventAsync(Day(daysAhead), 3);
        }

        /// <summary>An event with a forecast already, so replacing it deletes rows too.</summary>
        public async Task<Guid> ForecastedEventAsync()
        {
            var eventId = await EventAsync(40);
            using var planner = await As(DemoData.Planner);
            using var response = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(eventId),
                new { rows = new[] { new { skill = "PRESALES", date = Day(40), start = "09:00", contacts = 80, ahtSeconds = 180 } } });
            await response.ShouldBe(HttpStatusCode.OK);
            return eventId;
        }

        public async Task<object> RequestBodyAsync() => new
        {
            eventId = await EventAsync(35), vendorId = (await Demo).ApexInDemo, skill = "PRESALES", respondByLocal = At(5, 12), message = "Please confirm.",
            shifts = new[] { Plan(At(35, 9), At(35, 17), 3) },
        };

        public async Task<JsonObject> CapacityRequestAsync()
        {
            using var planner = await As(DemoData.Planner);
            using var response = await planner.SendAsync(ApiRoutes.Demo.CapacityRequests.Create, await RequestBodyAsync());
            await response.ShouldBe(HttpStatusCode.Created);
            return await response.ReadObjectAsync();
        }

        public async Task<Guid> ShiftAsync(int daysAhead)
        {
            var eventId = await EventAsync(daysAhead);
            using var planner = await As(DemoData.Planner);
            return await planner.NewShiftAsync(eventId, (await Demo).ApexInDemo, At(daysAhead, 9), At(daysAhead, 13), 2);
        }

        /// <summary>
        /// An Apex agent assigned to a shift <paramref name="daysAhead"/> days out; <paramref name="started"/> confirms them and
        /// moves the clock past the shift's start, as attendance needs.
        /// </summary>
        public async Task<Guid> AssignmentAsync(int daysAhead, bool started)
        {
            var shift = await ShiftAsync(daysAhead);
            var agent = await AgentAsync();
            using var apex = await As(DemoData.Apex);
            await apex.AssignedAsync(shift, agent);
            var assignment = (await apex.AssignmentIdsAsync(shift, [agent])).Single();
            if (started)
            {
                using (var confirmed = await apex.DecideAsync(Confirm(assignment))) await confirmed.ShouldBe(HttpStatusCode.OK);
                var start = new DateTimeOffset(At(daysAhead, 9), Shanghai);
                clocked.Clock.SetUtcNow(start + TimeSpan.FromHours(1));
            }
            return assignment;
        }

        /// <summary>An Apex shift two days out with nobody confirmed, not scanned yet: the next scan raises alerts for it.</summary>
        public async Task UnscannedShortShiftAsync()
        {
            using var planner = await As(DemoData.Planner);
            await planner.NewShiftAsync(await EventAsync(2), (await Demo).ApexInDemo, At(2, 9), At(2, 17), 1);
        }

        /// <summary>An Apex shift two days out with nobody confirmed: the alert job raises an alert for it.</summary>
        public async Task<Guid> AlertAsync()
        {
            var demo = await Demo;
            var eventId = await EventAsync(2);
            using var planner = await As(DemoData.Planner);
            await planner.NewShiftAsync(eventId, demo.ApexInDemo, At(2, 9), At(2, 17), 1);
            await app.RunJobAsync<EvaluateAlerts>(j => j.RunAsync(demo.DemoTenantId, CancellationToken.None));
            var alerts = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Alerts.List.Query($"status=open&eventId={eventId}&pageSize=1"), Infrastructure.Json.Options);
            return alerts!["items"]![0]!.Id();
        }
    }
}
