using System.Collections;
using System.Reflection;
using System.Text;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VendorPortal.Tests.Shifts;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Tests.Api;

/// <summary>
/// Sends broken bodies to every POST, PUT and PATCH endpoint the app maps, as a caller allowed to call it:
/// each must answer a 4xx problem, never a 500. A new write endpoint fails here until it is listed in <see cref="Routes"/>.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BadInputTests(AppFactory app)
{
    /// <summary>Who may call the route (null: anyone) and how to fill its route parameters other than {tenant}, which is demo.</summary>
    /// <summary>A CSV endpoint refuses JSON of any shape as the wrong media type (415) before reading it.</summary>
    /// <summary>An endpoint that reads no body (<paramref name="ReadsNoBody"/>, e.g. an acknowledgement) ignores whatever is sent: it must still never answer 500.</summary>
    private sealed record Caller(string? Email, IReadOnlyDictionary<string, Func<Target, Guid>> Parameters, bool TakesCsv = false, bool ReadsNoBody = false);

    /// <summary>Rows the bad input is aimed at: a vendor, an Apex agent and a training session made for this test, so nothing shared can change.</summary>
    private sealed record Target(Guid VendorId, Guid AgentId, Guid SessionId, Guid RateCardId, Guid StatementId, Guid EventId, Guid RequestId, Guid ShiftId, Guid MemberId);

    private static Caller As(string? email) => new(email, new Dictionary<string, Func<Target, Guid>>());

    private static Caller With(string email, string parameter, Func<Target, Guid> value) =>
        new(email, new Dictionary<string, Func<Target, Guid>> { [parameter] = value });

    private static readonly Dictionary<string, Caller> Routes = new(StringComparer.Ordinal)
    {
        ["POST api/auth/login"] = As(null),
        ["POST api/auth/refresh"] = As(null),
        ["POST api/auth/forgot-password"] = As(null),
        ["POST api/auth/reset-password"] = As(null),
        ["POST api/invitations/accept"] = As(null),
        ["POST api/platform/tenants"] = As(DemoData.Operator),
        ["POST api/t/{tenant}/api-keys"] = As(DemoData.Admin),
        ["POST api/t/{tenant}/invitations"] = As(DemoData.Admin),
        ["PATCH api/t/{tenant}/users/{userId}"] = With(DemoData.Admin, "userId", t => t.MemberId),
        ["PUT api/t/{tenant}/settings"] = As(DemoData.Admin),
        ["POST api/t/{tenant}/skills"] = As(DemoData.Admin),
        ["POST api/t/{tenant}/vendors"] = As(DemoData.Admin),
        ["PUT api/t/{tenant}/vendors/{vendorId}"] = With(DemoData.Admin, "vendorId", t => t.VendorId),
        ["POST api/t/{tenant}/agents"] = As(DemoData.Apex),
        ["POST api/t/{tenant}/agents/import"] = As(DemoData.Apex) with { TakesCsv = true },
        ["PUT api/t/{tenant}/agents/{agentId}"] = With(DemoData.Apex, "agentId", t => t.AgentId),
        ["PUT api/t/{tenant}/pool/plans"] = As(DemoData.Planner),
        ["POST api/t/{tenant}/training-sessions"] = As(DemoData.Planner),
        ["PUT api/t/{tenant}/training-sessions/{id}"] = With(DemoData.Planner, "id", t => t.SessionId),
        ["POST api/t/{tenant}/training-sessions/{id}/cancel"] = With(DemoData.Planner, "id", t => t.SessionId),
        ["POST api/t/{tenant}/training-sessions/{id}/enrollments"] = With(DemoData.Apex, "id", t => t.SessionId),
        ["POST api/t/{tenant}/training-sessions/{id}/results"] = With(DemoData.Planner, "id", t => t.SessionId),
        ["POST api/t/{tenant}/rate-cards"] = As(DemoData.Finance),
        ["PUT api/t/{tenant}/rate-cards/{id}"] = With(DemoData.Finance, "id", t => t.RateCardId),
        ["POST api/t/{tenant}/contact-volumes"] = As(DemoData.Apex),
        ["POST api/t/{tenant}/contact-volumes/import"] = As(DemoData.Apex) with { TakesCsv = true },
        ["POST api/t/{tenant}/statements"] = As(DemoData.Finance),
        ["POST api/t/{tenant}/statements/{id}/regenerate"] = With(DemoData.Finance, "id", t => t.StatementId),
        ["POST api/t/{tenant}/statements/{id}/issue"] = With(DemoData.Finance, "id", t => t.StatementId),
        ["POST api/t/{tenant}/statements/{id}/void"] = With(DemoData.Finance, "id", t => t.StatementId),
        ["POST api/t/{tenant}/events"] = As(DemoData.Planner),
        ["PUT api/t/{tenant}/events/{eventId}"] = With(DemoData.Planner, "eventId", t => t.EventId),
        ["PUT api/t/{tenant}/events/{eventId}/forecast"] = With(DemoData.Planner, "eventId", t => t.EventId),
        ["POST api/t/{tenant}/events/{eventId}/forecast/import"] = With(DemoData.Planner, "eventId", t => t.EventId) with { TakesCsv = true },
        ["POST api/t/{tenant}/capacity-requests"] = As(DemoData.Planner),
        ["POST api/t/{tenant}/capacity-requests/{id}/response"] = With(DemoData.Apex, "id", t => t.RequestId),
        ["POST api/t/{tenant}/capacity-requests/{id}/cancel"] = With(DemoData.Planner, "id", t => t.RequestId),
        ["POST api/t/{tenant}/shifts"] = As(DemoData.Planner),
        ["POST api/t/{tenant}/shifts/{shiftId}/assignments"] = With(DemoData.Apex, "shiftId", t => t.ShiftId),
        ["POST api/t/{tenant}/shifts/{shiftId}/cancel"] = With(DemoData.Planner, "shiftId", t => t.ShiftId),
        ["POST api/t/{tenant}/confirmations"] = As(DemoData.Apex),
        ["POST api/t/{tenant}/attendance"] = As(DemoData.Apex),
        ["POST api/t/{tenant}/alerts/{id}/acknowledge"] = With(DemoData.Planner, "id", _ => Guid.NewGuid()) with { ReadsNoBody = true },
    };

    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity];

    [Fact]
    public void Every_write_endpoint_is_covered_by_the_bad_input_tests()
    {
        var writes = WriteEndpoints();
        Assert.NotEmpty(writes);
        var problems = new List<string>();
        foreach (var endpoint in writes)
        {
            if (!Routes.TryGetValue(endpoint.Key, out var caller))
                problems.Add($"add {endpoint.Key} to the bad-input tests (Api/BadInputTests.Routes): say who may call it and how to fill its route parameters.");
            else
                problems.AddRange(endpoint.Parameters.Where(p => p != ApiEndpoint.TenantParameter && !caller.Parameters.ContainsKey(p))
                    .Select(p => $"add {endpoint.Key} to the bad-input tests: no value for its route parameter {{{p}}}."));
        }
        problems.AddRange(Routes.Keys.Except(writes.Select(e => e.Key)).Select(k => $"{k} is listed in the bad-input tests but the app no longer maps it: remove it."));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Endpoints_that_read_no_body_take_none_and_ignore_a_broken_one()
    {
        var bodiless = WriteEndpoints().Where(e => Routes.TryGetValue(e.Key, out var c) && c.ReadsNoBody).ToList();
        Assert.NotEmpty(bodiless);
        var problems = new List<string>();
        foreach (var endpoint in bodiless)
        {
            if (endpoint.Definition?.ReqDtoType is { } type && type != typeof(EmptyRequest))
                problems.Add($"{endpoint.Key} is listed as reading no body but binds {type.Name}.");
            var caller = Routes[endpoint.Key];
            var values = caller.Parameters.ToDictionary(p => p.Key, p => p.Value(null!).ToString());
            values[ApiEndpoint.TenantParameter] = "demo";
            using var client = await app.ClientFor(caller.Email!);
            using var response = await client.SendAsync(endpoint.Request(values, new StringContent("{\"name\": \"unterminated", Encoding.UTF8, "application/json")));
            if ((int)response.StatusCode >= 500) problems.Add($"{endpoint.Key}: a broken body got {(int)response.StatusCode}.");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Malformed_json_is_refused_with_a_400_problem()
    {
        await ForEachWriteEndpointAsync(async (endpoint, send) =>
        {
            using var response = await send(new StringContent("{\"name\": \"unterminated", Encoding.UTF8, "application/json"));
            return await Refused(response, endpoint, HttpStatusCode.BadRequest);
        });
    }

    [Fact]
    public async Task Empty_object_is_refused_with_a_validation_problem()
    {
        await ForEachWriteEndpointAsync(async (endpoint, send) =>
        {
            using var response = await send(JsonContent.Create(new { }));
            return await Refused(response, endpoint, Refusals);
        });
    }

    [Fact]
    public async Task Values_of_the_wrong_type_are_refused_with_a_400_problem()
    {
        var checkedFields = 0;
        await ForEachWriteEndpointAsync(async (endpoint, send) =>
        {
            var problems = new List<string>();
            foreach (var (field, wrong) in WrongValues(endpoint))
            {
                checkedFields++;
                using var response = await send(JsonContent.Create(new JsonObject { [field] = wrong }));
                if (await Refused(response, endpoint, HttpStatusCode.BadRequest) is { } problem)
                    problems.Add($"{problem} (field {field} = {wrong.ToJsonString()})");
            }
            return problems.Count == 0 ? null : string.Join("\n", problems);
        });
        Assert.True(checkedFields > 10, $"Only {checkedFields} fields were tried: the request types were not read.");
    }

    [Fact]
    public async Task Oversized_body_is_refused_with_a_413_problem()
    {
        var configured = app.Services.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        await ForEachWriteEndpointAsync(async (endpoint, send) =>
        {
            var limit = endpoint.Endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? configured;
            var size = (int)Math.Max(2 * 1024 * 1024, limit + 1024);
            using var response = await send(new StringContent($"{{\"name\":\"{new string('x', size)}\"}}", Encoding.UTF8, "application/json"));
            return await Refused(response, endpoint, HttpStatusCode.RequestEntityTooLarge);
        });
    }

    private IReadOnlyList<ApiEndpoint> WriteEndpoints() => [.. ApiEndpoint.All(app.Services).Where(e => e.HasBody)];

    private async Task ForEachWriteEndpointAsync(Func<ApiEndpoint, Func<HttpContent, Task<HttpResponseMessage>>, Task<string?>> check)
    {
        var target = await NewTargetAsync();
        var problems = new List<string>();
        foreach (var endpoint in WriteEndpoints())
        {
            if (!Routes.TryGetValue(endpoint.Key, out var caller))
            {
                problems.Add($"add {endpoint.Key} to the bad-input tests (Api/BadInputTests.Routes).");
                continue;
            }
            if (caller.ReadsNoBody) continue;
            var values = caller.Parameters.ToDictionary(p => p.Key, p => p.Value(target).ToString());
            values[ApiEndpoint.TenantParameter] = "demo";
            using var client = caller.Email is null ? app.Anonymous() : await app.ClientFor(caller.Email);
            if (await check(endpoint, body => client.SendAsync(endpoint.Request(values, body))) is { } problem)
                problems.Add(problem);
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task<string?> Refused(HttpResponseMessage response, ApiEndpoint endpoint, params HttpStatusCode[] expected)
    {
        if (Routes[endpoint.Key].TakesCsv && !expected.Contains(HttpStatusCode.RequestEntityTooLarge))
            expected = [HttpStatusCode.UnsupportedMediaType];
        var body = await response.Content.ReadAsStringAsync();
        if (!expected.Contains(response.StatusCode))
            return $"{endpoint.Key}: expected {string.Join(" or ", expected.Select(s => (int)s))}, got {(int)response.StatusCode} {body}";
        if (response.Content.Headers.ContentType?.MediaType != Responses.ProblemJson)
            return $"{endpoint.Key}: answered {(int)response.StatusCode} with content type '{response.Content.Headers.ContentType}', not problem details.";
        return null;
    }

    /// <summary>For each JSON field of the endpoint's body, a value of a type the field cannot take.</summary>
    private static IEnumerable<(string Field, JsonNode Wrong)> WrongValues(ApiEndpoint endpoint)
    {
        if (endpoint.Definition?.ReqDtoType is not { } type || type == typeof(EmptyRequest)) yield break;
        var routeParameters = endpoint.Parameters.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        if (properties.FirstOrDefault(p => p.GetCustomAttribute<FromBodyAttribute>() is not null) is { } fromBody)
            properties = fromBody.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (var property in properties.Where(p => p.CanWrite && !routeParameters.Contains(p.Name)))
        {
            if (property.GetCustomAttributes().Any(a => a is QueryParamAttribute or FromClaimAttribute or FromHeaderAttribute or RouteParamAttribute))
                continue;
            yield return (JsonNamingPolicy.CamelCase.ConvertName(property.Name), WrongValueFor(property.PropertyType));
        }
    }

    private static JsonNode WrongValueFor(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string)) return JsonValue.Create(12345);
        if (type == typeof(Guid)) return JsonValue.Create("not-a-guid");
        if (type.IsEnum) return JsonValue.Create("no-such-value");
        if (type == typeof(bool)) return JsonValue.Create("not-a-bool");
        if (type.IsPrimitive || type == typeof(decimal)) return JsonValue.Create("not-a-number");
        if (typeof(IEnumerable).IsAssignableFrom(type)) return JsonValue.Create("not-a-list");
        return JsonValue.Create("not-an-object");
    }

    private async Task<Guid> NewMemberIdAsync()
    {
        var email = People.NewEmail("badinput");
        await app.InviteAsync(email);
        using var accepted = await app.AcceptAsync(await app.InvitationTokenAsync(email), People.GoodPassword);
        await accepted.ShouldBe(HttpStatusCode.OK);
        return Guid.Parse((string)(await accepted.ReadObjectAsync())["userId"]!);
    }

    private async Task<Target> NewTargetAsync()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var vendor = await admin.PostAsJsonAsync("/api/t/demo/vendors", new { name = $"Bad input target {Guid.NewGuid():N}" });
        await vendor.ShouldBe(HttpStatusCode.Created);
        using var apex = await app.ClientFor(DemoData.Apex);
        using var agent = await apex.PostAsJsonAsync("/api/t/demo/agents", new { externalRef = $"BAD-{Guid.NewGuid():N}"[..20], displayName = "Bad input target", skills = new[] { "PRESALES" } });
        await agent.ShouldBe(HttpStatusCode.Created);
        using var planner = await app.ClientFor(DemoData.Planner);
        var day = DateTime.UtcNow.Date.AddDays(30);
        using var session = await planner.PostAsJsonAsync("/api/t/demo/training-sessions", new
        {
            title = "Bad input target", skills = new[] { "PRESALES" }, capacity = 5,
            startsAtLocal = day.AddHours(9), endsAtLocal = day.AddHours(10),
        });
        await session.ShouldBe(HttpStatusCode.Created);
        var vendorId = Guid.Parse((string)(await vendor.ReadObjectAsync())["id"]!);
        using var card = await admin.PostAsJsonAsync("/api/t/demo/rate-cards", new
        {
            vendorId, effectiveFrom = "2026-01-01", tiers = new[] { new { upTo = (long?)null, unitPrice = 1.5m } },
        });
        await card.ShouldBe(HttpStatusCode.Created);
        using var statement = await admin.PostAsJsonAsync("/api/t/demo/statements", new { vendorId, month = "2026-01" });
        await statement.ShouldBe(HttpStatusCode.Created);
        using var surge = await planner.PostAsJsonAsync("/api/t/demo/events", new
        {
            name = "Bad input target", startDate = DateOnly.FromDateTime(day), endDate = DateOnly.FromDateTime(day.AddDays(1)),
        });
        await surge.ShouldBe(HttpStatusCode.Created);
        var eventId = Guid.Parse((string)(await surge.ReadObjectAsync())["id"]!);
        var demo = await app.Demo;
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo, [ShiftSetup.Plan(day.AddHours(10), day.AddHours(14), 2)]);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, day.AddHours(10), day.AddHours(14), 2);
        return new Target(vendorId,
            Guid.Parse((string)(await agent.ReadObjectAsync())["id"]!),
            Guid.Parse((string)(await session.ReadObjectAsync())["session"]!["id"]!),
            Guid.Parse((string)(await card.ReadObjectAsync())["id"]!),
            Guid.Parse((string)(await statement.ReadObjectAsync())["statement"]!["id"]!),
            eventId, Guid.Parse((string)request["id"]!), shiftId, await NewMemberIdAsync());
    }
}
