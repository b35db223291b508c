using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using FastEndpoints;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VendorPortal.Tests.Shifts;
using VendorPortal.Web.Hosting;
using VendorPortal.Web.Shared;
using Xunit.Abstractions;

namespace VendorPortal.Tests.Api;

/// <summary>
/// Walks the app's own OpenAPI document and sends every JSON write operation many kinds of broken body, as a tenant
/// admin and as a vendor manager (and as the platform operator for platform routes): each must answer a 4xx problem,
/// never a 500, and no table may gain or lose a row. A new operation joins by itself; one whose route needs an id
/// fails here until <see cref="Ids"/> says which row to aim at.
/// </summary>
[Collection(QuietCollection.Name)]
public sealed class BadInputSweepTests(QuietApp quiet, ITestOutputHelper output)
{
    private const string SurrogateMarker = "@@LONE-SURROGATE@@";
    private const int LongText = 100_000;
    private static readonly HttpStatusCode[] Refusals = [HttpStatusCode.BadRequest, HttpStatusCode.UnprocessableEntity];

    /// <summary>Rows the bad input is aimed at, made for the sweep: a vendor, an Apex agent, a training session, a rate card, a statement, an event, a capacity request and a shift.</summary>
    private sealed record Target(Guid VendorId, Guid AgentId, Guid SessionId, Guid RateCardId, Guid StatementId, Guid EventId, Guid RequestId, Guid ShiftId, Guid ApexId, Guid MemberId, Guid WebhookId);

    /// <summary>For each OpenAPI path with an id besides {tenant}: the row it points at.</summary>
    private static readonly Dictionary<string, Func<Target, Guid>> Ids = new(StringComparer.Ordinal)
    {
        ["/api/t/{tenant}/vendors/{vendorId}"] = t => t.VendorId,
        ["/api/t/{tenant}/agents/{agentId}"] = t => t.AgentId,
        ["/api/t/{tenant}/training-sessions/{id}"] = t => t.SessionId,
        ["/api/t/{tenant}/training-sessions/{id}/cancel"] = t => t.SessionId,
        ["/api/t/{tenant}/training-sessions/{id}/enrollments"] = t => t.SessionId,
        ["/api/t/{tenant}/training-sessions/{id}/results"] = t => t.SessionId,
        ["/api/t/{tenant}/rate-cards/{id}"] = t => t.RateCardId,
        ["/api/t/{tenant}/statements/{id}/issue"] = t => t.StatementId,
        ["/api/t/{tenant}/statements/{id}/regenerate"] = t => t.StatementId,
        ["/api/t/{tenant}/statements/{id}/void"] = t => t.StatementId,
        ["/api/t/{tenant}/events/{eventId}"] = t => t.EventId,
        ["/api/t/{tenant}/events/{eventId}/forecast"] = t => t.EventId,
        ["/api/t/{tenant}/events/{eventId}/in-house"] = t => t.EventId,
        ["/api/t/{tenant}/events/{eventId}/in-house/pattern"] = t => t.EventId,
        ["/api/t/{tenant}/events/{eventId}/plan"] = t => t.EventId,
        ["/api/t/{tenant}/events/{eventId}/plan/send"] = t => t.EventId,
        ["/api/t/{tenant}/capacity-requests/{id}/response"] = t => t.RequestId,
        ["/api/t/{tenant}/capacity-requests/{id}/cancel"] = t => t.RequestId,
        ["/api/t/{tenant}/shifts/{shiftId}/assignments"] = t => t.ShiftId,
        ["/api/t/{tenant}/shifts/{shiftId}/cancel"] = t => t.ShiftId,
        ["/api/t/{tenant}/shifts/{shiftId}"] = t => t.ShiftId,
        ["/api/t/{tenant}/users/{userId}"] = t => t.MemberId,
        ["/api/t/{tenant}/webhooks/{id}"] = t => t.WebhookId,
    };

    /// <summary>Body fields that name a row: the sample body points them at real rows, so the broken value is what gets refused.</summary>
    private static readonly Dictionary<string, Func<Target, Guid>> BodyIds = new(StringComparer.OrdinalIgnoreCase)
    {
        ["vendorId"] = t => t.ApexId,
        ["eventId"] = t => t.EventId,
        ["agentId"] = t => t.AgentId,
        ["agentIds"] = t => t.AgentId,
        ["shiftId"] = t => t.ShiftId,
        ["sessionId"] = t => t.SessionId,
    };

    private AppFactory App => quiet.App;

    private sealed record Operation(string Method, string Path, JsonObject Schema)
    {
        public string Key => $"{Method} {Path}";
    }

    /// <summary>One broken request: what kind of bad input it is, the field it aims at ("" for the whole body), and what it must get.</summary>
    private sealed record Case(string Kind, string Field, Func<HttpContent> Body, HttpStatusCode[] Expected);

    [Fact]
    public async Task Every_write_endpoint_is_swept()
    {
        var document = await DocumentAsync();
        var operations = JsonOperations(document).ToDictionary(o => o.Key);
        var problems = new List<string>();
        foreach (var endpoint in ApiEndpoint.All(App.Services).Where(e => e.HasBody))
        {
            var key = $"{endpoint.Method} /{endpoint.Route}";
            if (endpoint.Endpoint.Metadata.GetMetadata<CsvUpload>() is not null)
            {
                if (!CsvImportBadInputTests.Imports.Contains(endpoint.Route))
                    problems.Add($"{key} takes a CSV file: add it to CsvImportBadInputTests.Imports.");
                continue;
            }
            if (endpoint.Definition?.ReqDtoType == typeof(EmptyRequest)) continue;
            if (!operations.ContainsKey(key))
                problems.Add($"{key} reads a body but the OpenAPI document gives it no application/json request body.");
            else if (endpoint.Parameters.Any(p => p != ApiEndpoint.TenantParameter) && !Ids.ContainsKey("/" + endpoint.Route))
                problems.Add($"{key}: say in BadInputSweepTests.Ids which row its route parameters point at.");
        }
        Assert.True(operations.Count > 25, $"Only {operations.Count} JSON write operations were found in the OpenAPI document.");
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public async Task Bad_input_to_every_json_write_operation_is_refused_with_a_problem_and_writes_nothing()
    {
        var clock = Stopwatch.StartNew();
        var document = await DocumentAsync();
        var target = await NewTargetAsync();
        var limit = App.Services.GetRequiredService<IOptions<ApiOptions>>().Value.MaxRequestBodyBytes;
        var callers = new Dictionary<string, HttpClient>
        {
            [DemoData.Admin] = await App.ClientFor(DemoData.Admin),
            [DemoData.Apex] = await App.ClientFor(DemoData.Apex),
            [DemoData.Operator] = await App.ClientFor(DemoData.Operator),
        };
        var problems = new List<string>();
        var tried = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var requests = 0;
        using var gate = new SemaphoreSlim(4);
        foreach (var operation in JsonOperations(document))
        {
            var path = operation.Path.Replace("{tenant}", "demo");
            if (Ids.TryGetValue(operation.Path, out var id))
                path = System.Text.RegularExpressions.Regex.Replace(path, @"\{\w+\}", id(target).ToString());
            var endpoint = ApiEndpoint.All(App.Services).Single(e => $"{e.Method} /{e.Route}" == operation.Key);
            var cases = Cases(document, operation.Schema, target,
                endpoint.Endpoint.Metadata.GetMetadata<IRequestSizeLimitMetadata>()?.MaxRequestBodySize ?? limit).ToList();
            foreach (var c in cases) (tried.TryGetValue(c.Kind, out var ops) ? ops : tried[c.Kind] = []).Add(operation.Key);
            // Platform routes are for the operator; tenant routes are swept as the tenant admin and as a vendor manager.
            string[] roles = operation.Path.StartsWith("/api/platform/", StringComparison.Ordinal) ? [DemoData.Operator] : [DemoData.Admin, DemoData.Apex];
            var before = await quiet.RowCountsAsync();
            var reached = new HashSet<string>(StringComparer.Ordinal);
            var outcomes = await Task.WhenAll(roles.SelectMany(role => cases.Select(async c =>
            {
                await gate.WaitAsync();
                try
                {
                    using var request = new HttpRequestMessage(new HttpMethod(operation.Method), path) { Content = c.Body() };
                    using var response = await callers[role].SendAsync(request);
                    Interlocked.Increment(ref requests);
                    return (Role: role, Case: c, Verdict: await VerdictAsync(response, c));
                }
                finally
                {
                    gate.Release();
                }
            })));
            foreach (var (role, c, verdict) in outcomes)
            {
                if (verdict is null) continue;
                if (verdict == RoleRefused) continue;
                problems.Add($"{operation.Key} as {role}, {c.Kind}{(c.Field.Length > 0 ? $" in {c.Field}" : "")}: {verdict}");
            }
            foreach (var role in roles)
                if (outcomes.Where(o => o.Role == role).All(o => o.Verdict != RoleRefused)) reached.Add(role);
            if (reached.Count == 0)
                problems.Add($"{operation.Key}: no caller of the sweep ({string.Join(", ", roles)}) may call it, so its validation was never reached.");
            var after = await quiet.RowCountsAsync();
            if (QuietApp.Difference(before, after) is { Length: > 0 } changed)
                problems.Add($"{operation.Key}: bad input changed row counts: {changed}");
        }
        clock.Stop();
        var summary = string.Join("\n", tried.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"  {t.Key}: {t.Value.Count} operations"));
        output.WriteLine($"Swept {JsonOperations(document).Count()} operations with {requests} requests in {clock.Elapsed.TotalSeconds:F1} s:\n{summary}");
        Assert.True(problems.Count == 0, $"{problems.Count} problems:\n" + string.Join("\n", problems.Take(200)));
    }

    private const string RoleRefused = "refused for this role";

    private static async Task<string?> VerdictAsync(HttpResponseMessage response, Case c)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound) return RoleRefused;
        if (!c.Expected.Contains(response.StatusCode))
            return $"expected {string.Join(" or ", c.Expected.Select(s => (int)s))}, got {(int)response.StatusCode} {Clip(body)}";
        if (response.Content.Headers.ContentType?.MediaType != Responses.ProblemJson)
            return $"answered {(int)response.StatusCode} as '{response.Content.Headers.ContentType}', not problem details";
        JsonObject problem;
        try
        {
            problem = JsonNode.Parse(body)!.AsObject();
        }
        catch (JsonException)
        {
            return $"answered {(int)response.StatusCode} with a body that is not JSON: {Clip(body)}";
        }
        if (problem["errors"] is not JsonArray { Count: > 0 } && string.IsNullOrWhiteSpace((string?)problem["detail"]))
            return $"answered {(int)response.StatusCode} without naming the problem: {Clip(body)}";
        var leaf = c.Field.Split('.', '[')[^1].TrimEnd(']');
        if (leaf.Length > 0 && !int.TryParse(leaf, out _) && !body.Contains(leaf, StringComparison.OrdinalIgnoreCase))
            return $"answered {(int)response.StatusCode} without naming the field {c.Field}: {Clip(body)}";
        return null;
    }

    private static string Clip(string text) => text.Length > 300 ? text[..300] + "…" : text;

    private async Task<JsonObject> DocumentAsync()
    {
        using var client = App.Anonymous();
        using var response = await client.GetAsync("/openapi/v1.json");
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    private static IEnumerable<Operation> JsonOperations(JsonObject document)
    {
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
                if (method is "post" or "put" or "patch" && operation?["requestBody"]?["content"]?["application/json"]?["schema"] is JsonObject schema)
                    yield return new Operation(method.ToUpperInvariant(), path, schema);
    }

    // ---- the broken bodies, derived from the operation's schema ----

    private static IEnumerable<Case> Cases(JsonObject document, JsonObject schema, Target target, long limit)
    {
        var root = Resolve(document, schema);
        var sample = Sample(document, root, target, "", 0)!;
        var sampleText = sample.ToJsonString();
        var isArray = Types(root).Contains("array");

        yield return new("empty body", "", () => Json(""), Refusals);
        yield return new("null body", "", () => Json("null"), Refusals);
        if (isArray)
        {
            yield return new("object where an array is expected", "", () => Json("{}"), Refusals);
        }
        else
        {
            yield return new("array where an object is expected", "", () => Json("[]"), Refusals);
            yield return new("array where an object is expected", "", () => Json($"[{sampleText}]"), Refusals);
        }
        yield return new("string where the body is expected", "", () => Json("\"text\""), Refusals);
        yield return new("number where the body is expected", "", () => Json("42"), Refusals);
        yield return new("truncated body", "", () => Json(sampleText[..(sampleText.Length / 2)]), Refusals);
        yield return new("JSON nested deeper than 64 levels", "", () => Json(Nest(sampleText, isArray)), Refusals);
        yield return new("invalid UTF-8", "", () => InvalidUtf8(sampleText), Refusals);
        yield return new("body over the size limit", "", () => Json(Pad(sampleText, isArray, (int)limit + 1024)), [HttpStatusCode.RequestEntityTooLarge]);
        foreach (var type in new[] { "text/plain", "application/x-www-form-urlencoded", "application/xml" })
            yield return new("wrong Content-Type", "", () => Typed(sampleText, type), [HttpStatusCode.UnsupportedMediaType]);

        foreach (var (path, field) in Fields(document, root, []))
        {
            var name = string.Join(".", path.Select(p => p is int i ? $"[{i}]" : p.ToString())).Replace(".[", "[");
            foreach (var (kind, value) in BadValues(field))
            {
                var body = Replace(sample, path, value);
                yield return new(kind, name, () => Json(body), Refusals);
            }
        }
    }

    private static IEnumerable<(string Kind, JsonNode? Value)> BadValues(JsonObject field)
    {
        var types = Types(field);
        var format = (string?)field["format"];
        if (field["enum"] is JsonArray)
        {
            yield return ("unknown enum name", "noSuchValue");
            yield return ("wrong JSON type", 12345);
            yield break;
        }
        if (types.Contains("object"))
        {
            yield return ("wrong JSON type", 7);
            yield return ("array where an object is expected", new JsonArray());
        }
        else if (types.Contains("array"))
        {
            yield return ("wrong JSON type", "text");
            yield return ("object where an array is expected", new JsonObject());
        }
        else if (types.Contains("integer"))
        {
            yield return ("wrong JSON type", "12");
            yield return ("wrong JSON type", true);
            yield return ("number overflowing the field's type", JsonNode.Parse(format == "int64" ? "9223372036854775808" : "2147483648"));
            yield return ("number overflowing the field's type", JsonNode.Parse("1e400"));
            yield return ("NaN or Infinity as a string", "NaN");
            yield return ("NaN or Infinity as a string", "Infinity");
        }
        else if (types.Contains("number"))
        {
            yield return ("wrong JSON type", "12.5");
            yield return ("wrong JSON type", true);
            yield return ("number overflowing the field's type", JsonNode.Parse("1e400"));
            yield return ("NaN or Infinity as a string", "NaN");
            yield return ("NaN or Infinity as a string", "Infinity");
            yield return ("NaN or Infinity as a string", "-Infinity");
        }
        else if (types.Contains("boolean"))
        {
            yield return ("wrong JSON type", "true");
            yield return ("wrong JSON type", 1);
        }
        else if (types.Contains("string"))
        {
            yield return ("wrong JSON type", 12345);
            yield return ("wrong JSON type", new JsonObject());
            switch (format)
            {
                case "date":
                    yield return ("date that does not exist", "2026-02-30");
                    break;
                case "date-time":
                    yield return ("date that does not exist", "2026-02-30T09:00:00");
                    yield return ("date that does not exist", "2026-02-30T09:00:00+08:00");
                    break;
                case "uuid":
                    yield return ("wrong JSON type", "not-a-guid");
                    break;
                default:
                    yield return ("string longer than the column", new string('x', LongText));
                    yield return ("control character", "Name\u0000with NUL");
                    yield return ("control character", "Name\u001b[31m with ESC");
                    yield return ("control character", "Bell\u0007 and DEL\u007f");
                    yield return ("lone surrogate", $"Half {SurrogateMarker} a character");
                    break;
            }
        }
    }

    private static IEnumerable<(object[] Path, JsonObject Schema)> Fields(JsonObject document, JsonObject schema, object[] path)
    {
        if (path.Length > 6) yield break;
        if (schema["properties"] is JsonObject properties)
        {
            foreach (var (name, property) in properties)
            {
                var resolved = Resolve(document, property!.AsObject());
                object[] at = [.. path, name];
                yield return (at, resolved);
                foreach (var inner in Fields(document, resolved, at)) yield return inner;
            }
        }
        else if (Types(schema).Contains("array") && schema["items"] is JsonObject items)
        {
            var resolved = Resolve(document, items);
            object[] at = [.. path, 0];
            yield return (at, resolved);
            foreach (var inner in Fields(document, resolved, at)) yield return inner;
        }
    }

    private static JsonNode? Sample(JsonObject document, JsonObject schema, Target target, string name, int depth)
    {
        if (depth > 6) return null;
        if (schema["enum"] is JsonArray values) return values.FirstOrDefault(v => v is not null)?.DeepClone();
        var types = Types(schema);
        if (schema["properties"] is JsonObject properties)
        {
            var sample = new JsonObject();
            foreach (var (property, inner) in properties)
                sample[property] = Sample(document, Resolve(document, inner!.AsObject()), target, property, depth + 1);
            return sample;
        }
        if (types.Contains("array"))
            return schema["items"] is JsonObject items ? new JsonArray(Sample(document, Resolve(document, items), target, name, depth + 1)) : new JsonArray();
        if (types.Contains("integer")) return 1;
        if (types.Contains("number")) return 1.5m;
        if (types.Contains("boolean")) return false;
        if (types.Contains("object")) return new JsonObject();
        return (string?)schema["format"] switch
        {
            "uuid" => (BodyIds.TryGetValue(name, out var id) ? id(target) : Guid.NewGuid()).ToString(),
            "date" => "2026-12-01",
            // A wall time in the tenant's zone (startsAtLocal) has no offset; an instant (a shift's startsAt) must have one.
            "date-time" => name.EndsWith("Local", StringComparison.Ordinal) ? "2026-12-01T09:00:00" : "2026-12-01T09:00:00+08:00",
            _ => "Sample",
        };
    }

    private static JsonObject Resolve(JsonObject document, JsonObject schema)
    {
        if (schema["$ref"] is { } reference)
            return Resolve(document, document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]!.AsObject());
        // A nullable reference comes as oneOf/anyOf [{ type: null }, { $ref }]: the non-null one is the field's shape.
        foreach (var key in new[] { "oneOf", "anyOf", "allOf" })
            if (schema[key] is JsonArray choices && choices.OfType<JsonObject>().FirstOrDefault(c => (string?)c["type"] != "null") is { } choice)
                return Resolve(document, choice);
        return schema;
    }

    private static HashSet<string> Types(JsonObject schema) => schema["type"] switch
    {
        JsonArray list => [.. list.Select(t => (string)t!).Where(t => t != "null")],
        JsonValue one => [(string)one!],
        _ => schema["properties"] is not null ? ["object"] : [],
    };

    private static string Replace(JsonNode sample, object[] path, JsonNode? value)
    {
        var copy = sample.DeepClone();
        JsonNode node = copy;
        for (var i = 0; i < path.Length - 1; i++)
            node = path[i] is int index ? node.AsArray()[index]! : node.AsObject()[(string)path[i]]!;
        if (path[^1] is int last) node.AsArray()[last] = value;
        else node.AsObject()[(string)path[^1]] = value;
        return copy.ToJsonString().Replace(SurrogateMarker, "\\ud800", StringComparison.Ordinal);
    }

    private static string Nest(string sample, bool isArray)
    {
        var deep = new string('[', 100) + new string(']', 100);
        return isArray ? deep : "{\"nested\":" + deep + "," + sample[1..];
    }

    private static string Pad(string sample, bool isArray, int size) =>
        isArray ? "[" + new string(' ', size) + sample[1..] : "{\"padding\":\"" + new string('x', size) + "\"," + sample[1..];

    private static HttpContent Json(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private static HttpContent Typed(string text, string mediaType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    /// <summary>The sample body with bytes that are not UTF-8 (a lone continuation byte and an overlong NUL) inside its first string.</summary>
    private static HttpContent InvalidUtf8(string sample)
    {
        var bytes = Encoding.UTF8.GetBytes(sample).ToList();
        var quote = bytes.IndexOf((byte)'"', bytes.IndexOf((byte)':') + 1);
        if (quote < 0) quote = bytes.IndexOf((byte)'"');
        byte[] broken = [0x80, 0xC0, 0x80, 0xFF];
        if (quote < 0) bytes.InsertRange(0, broken);
        else bytes.InsertRange(quote + 1, broken);
        var content = new ByteArrayContent([.. bytes]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return content;
    }

    private async Task<Target> NewTargetAsync()
    {
        var today = App.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.Date;
        using var admin = await App.ClientFor(DemoData.Admin);
        using var vendor = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"Bad input target {Guid.NewGuid():N}" });
        await vendor.ShouldBe(HttpStatusCode.Created);
        using var apex = await App.ClientFor(DemoData.Apex);
        using var agent = await apex.SendAsync(ApiRoutes.Demo.Agents.Create, new { externalRef = $"BAD-{Guid.NewGuid():N}"[..20], displayName = "Bad input target", skills = new[] { "PRESALES" } });
        await agent.ShouldBe(HttpStatusCode.Created);
        using var planner = await App.ClientFor(DemoData.Planner);
        var day = today.AddDays(30);
        using var session = await planner.SendAsync(ApiRoutes.Demo.Training.Create, new
        {
            title = "Bad input target", skills = new[] { "PRESALES" }, capacity = 5,
            startsAtLocal = day.AddHours(9), endsAtLocal = day.AddHours(10),
        });
        await session.ShouldBe(HttpStatusCode.Created);
        var vendorId = Guid.Parse((string)(await vendor.ReadObjectAsync())["id"]!);
        using var card = await admin.SendAsync(ApiRoutes.Demo.RateCards.Create, new
        {
            vendorId, effectiveFrom = "2026-01-01", tiers = new[] { new { upTo = (long?)null, unitPrice = 1.5m } },
        });
        await card.ShouldBe(HttpStatusCode.Created);
        using var statement = await admin.SendAsync(ApiRoutes.Demo.Statements.Generate, new { vendorId, month = "2026-01" });
        await statement.ShouldBe(HttpStatusCode.Created);
        using var surge = await planner.SendAsync(ApiRoutes.Demo.Events.Create, new
        {
            name = "Bad input target", startDate = DateOnly.FromDateTime(day), endDate = DateOnly.FromDateTime(day.AddDays(1)),
        });
        await surge.ShouldBe(HttpStatusCode.Created);
        var eventId = Guid.Parse((string)(await surge.ReadObjectAsync())["id"]!);
        var demo = await App.Demo;
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo, [ShiftSetup.Plan(day.AddHours(10), day.AddHours(14), 2)], respondBy: today.AddDays(5));
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, day.AddHours(10), day.AddHours(14), 2);
        return new Target(vendorId,
            Guid.Parse((string)(await agent.ReadObjectAsync())["id"]!),
            Guid.Parse((string)(await session.ReadObjectAsync())["session"]!["id"]!),
            Guid.Parse((string)(await card.ReadObjectAsync())["id"]!),
            Guid.Parse((string)(await statement.ReadObjectAsync())["statement"]!["id"]!),
            eventId, Guid.Parse((string)request["id"]!), shiftId, demo.ApexInDemo, await FinanceMemberIdAsync(), await ApexWebhookIdAsync(apex));
    }

    /// <summary>An endpoint of Apex's (so the admin and Apex's manager both reach it), disabled.</summary>
    private static async Task<Guid> ApexWebhookIdAsync(HttpClient apex)
    {
        using var created = await apex.SendAsync(ApiRoutes.Demo.Webhooks.Create, new { url = "https://203.0.113.10/hook", enabled = false });
        await created.ShouldBe(HttpStatusCode.Created);
        return Guid.Parse((string)(await created.ReadObjectAsync())["id"]!);
    }

    /// <summary>
    /// The member the user PATCH aims at: finance, whom none of the quiet host's tests sign in as (that host runs no
    /// jobs, so a new member cannot receive an invitation there).
    /// </summary>
    private async Task<Guid> FinanceMemberIdAsync()
    {
        using var admin = await App.ClientFor(DemoData.Admin);
        var users = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Users.List.Query("pageSize=200"));
        return Guid.Parse((string)users!["items"]!.AsArray().Single(u => (string?)u!["email"] == DemoData.Finance)!["userId"]!);
    }
}
