namespace VendorPortal.Tests.Hosting;

[Collection(AppCollection.Name)]
public sealed class OpenApiTests(AppFactory app)
{
    private async Task<JsonObject> DocumentAsync()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/openapi/v1.json");
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    [AnyDatabaseFact]
    public async Task Document_lists_every_api_endpoint_with_its_method()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var missing = ApiEndpoint.All(app.Services)
            .Where(e => paths[OpenApiPath(e)]?[e.Method.ToLowerInvariant()] is null)
            .Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0, "Missing from /openapi/v1.json: " + string.Join(", ", missing));
    }

    [AnyDatabaseFact]
    public async Task Post_and_put_operations_describe_their_request_body()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        // A CSV upload describes its body as text/csv and as a form file; everything else takes JSON, except an action
        // without a request (an acknowledgement), which takes no body at all.
        var problems = ApiEndpoint.All(app.Services).Where(e => e.Method is "POST" or "PUT" && e.Definition?.ReqDtoType != typeof(FastEndpoints.EmptyRequest))
            .Where(e =>
            {
                var content = paths[OpenApiPath(e)]?[e.Method.ToLowerInvariant()]?["requestBody"]?["content"];
                return e.Endpoint.Metadata.GetMetadata<VendorPortal.Web.Shared.CsvUpload>() is null
                    ? content?["application/json"]?["schema"] is null
                    : content?["text/csv"]?["schema"] is null || content["multipart/form-data"]?["schema"]?["properties"]?["file"] is null;
            })
            .Select(e => e.Key).ToList();
        Assert.True(problems.Count == 0, "No request body schema: " + string.Join(", ", problems));
    }

    [AnyDatabaseFact]
    public async Task A_body_bound_whole_is_documented_as_itself_not_as_the_request_wrapper()
    {
        var document = await DocumentAsync();
        var paths = document["paths"]!.AsObject();
        var confirmations = paths["/api/t/{tenant}/confirmations"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        Assert.Equal("array", (string)Resolve(document, confirmations)["type"]!);
        var eventUpdate = Resolve(document, paths["/api/t/{tenant}/events/{eventId}"]!["put"]!["requestBody"]!["content"]!["application/json"]!["schema"]!);
        Assert.NotNull(eventUpdate["properties"]!["startDate"]);
        Assert.Null(eventUpdate["properties"]!["event"]);
    }

    private static JsonNode Resolve(JsonObject document, JsonNode schema) =>
        schema["$ref"] is { } reference ? document["components"]!["schemas"]![((string)reference!).Split('/')[^1]]! : schema;

    [AnyDatabaseFact]
    public async Task Protected_operations_carry_security_requirements_and_anonymous_ones_do_not()
    {
        var document = await DocumentAsync();
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.NotNull(schemes["bearer"]);
        Assert.Equal("X-Api-Key", (string?)schemes["apiKey"]!["name"]);

        var paths = document["paths"]!.AsObject();
        var problems = new List<string>();
        foreach (var endpoint in ApiEndpoint.All(app.Services))
        {
            var security = paths[OpenApiPath(endpoint)]?[endpoint.Method.ToLowerInvariant()]?["security"]?.AsArray();
            var named = security?.SelectMany(r => r!.AsObject().Select(p => p.Key)).ToHashSet() ?? [];
            if (endpoint.AllowsAnonymous && named.Count > 0) problems.Add($"{endpoint.Key} is anonymous but asks for {string.Join(", ", named)}");
            if (!endpoint.AllowsAnonymous && !(named.Contains("bearer") && named.Contains("apiKey"))) problems.Add($"{endpoint.Key} has no bearer/apiKey security requirement");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [AnyDatabaseFact]
    public async Task Route_parameters_are_declared_as_required_path_parameters()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var problems = new List<string>();
        foreach (var endpoint in ApiEndpoint.All(app.Services))
        {
            var parameters = paths[OpenApiPath(endpoint)]?[endpoint.Method.ToLowerInvariant()]?["parameters"]?.AsArray() ?? [];
            foreach (var name in endpoint.Parameters)
                if (!parameters.Any(p => (string?)p!["name"] == name && (string?)p["in"] == "path" && (bool?)p["required"] == true))
                    problems.Add($"{endpoint.Key} does not declare path parameter {{{name}}}");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains(ApiEndpoint.All(app.Services), e => e.Parameters.Contains("vendorId"));
    }

    [AnyDatabaseFact]
    public async Task List_operations_declare_their_paging_query_parameters()
    {
        var operation = (await DocumentAsync())["paths"]!["/api/t/{tenant}/vendors"]!["get"]!;
        var query = operation["parameters"]!.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("page", query);
        Assert.Contains("pageSize", query);
        Assert.Contains("search", query);
    }

    [AnyDatabaseFact]
    public async Task Interactive_reference_is_served_at_docs()
    {
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/docs");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("VendorPortal API", html);
        Assert.Contains("openapi/v1.json", html);
    }

    [AnyDatabaseFact]
    public async Task Every_operation_has_summary_description_unique_operation_id_tag_and_security()
    {
        var document = await DocumentAsync();
        var tags = document["tags"]!.AsArray().ToDictionary(t => (string)t!["name"]!, t => (string?)t!["description"]);
        var problems = new List<string>();
        var ids = new Dictionary<string, string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
            foreach (var (method, operation) in item!.AsObject())
            {
                var key = $"{method.ToUpperInvariant()} {path}";
                if (string.IsNullOrWhiteSpace((string?)operation!["summary"])) problems.Add($"{key}: no summary");
                if (string.IsNullOrWhiteSpace((string?)operation["description"])) problems.Add($"{key}: no description");
                var id = (string?)operation["operationId"];
                if (id is null || !System.Text.RegularExpressions.Regex.IsMatch(id, "^[A-Z][A-Za-z0-9]+$")) problems.Add($"{key}: operationId {id}");
                else if (!ids.TryAdd(id, key)) problems.Add($"{key}: operationId {id} is also {ids[id]}'s");
                var tag = (string?)operation["tags"]?.AsArray().SingleOrDefault();
                if (tag is null || string.IsNullOrWhiteSpace(tags.GetValueOrDefault(tag))) problems.Add($"{key}: no described tag");
                if (operation["security"] is not JsonArray { Count: > 0 }) problems.Add($"{key}: no security (an empty requirement for anonymous)");
                var responses = operation["responses"]!.AsObject();
                var anonymous = operation["security"] is JsonArray { Count: 1 } only && only[0] is JsonObject { Count: 0 };
                foreach (var status in anonymous ? new[] { "400" } : new[] { "400", "401", "403" })
                    if ((string?)responses[status]?["content"]?["application/problem+json"]?["schema"]?["$ref"] != "#/components/schemas/ProblemDetails")
                        problems.Add($"{key}: {status} is not problem details");
                if (anonymous && (responses["401"] is not null || responses["403"] is not null)) problems.Add($"{key}: anonymous but answers 401/403");
                foreach (var (type, media) in operation["requestBody"]?["content"]?.AsObject() ?? [])
                    if (type == "application/json" && media!["example"] is null) problems.Add($"{key}: no request example");
            }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Equal("CreateEvent", (string?)document["paths"]!["/api/t/{tenant}/events"]!["post"]!["operationId"]);
        Assert.Equal("[{}]", document["paths"]!["/api/auth/login"]!["post"]!["security"]!.ToJsonString());
    }

    [AnyDatabaseFact]
    public async Task Enums_are_the_camel_case_strings_the_api_reads_and_writes()
    {
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var status = schemas["EventStatus"]!;
        Assert.Equal("string", (string?)status["type"]);
        Assert.Equal(["planning", "confirmed", "live", "closed"], status["enum"]!.AsArray().Select(v => (string?)v));
        var decision = document["paths"]!["/api/t/{tenant}/confirmations"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!;
        var decisionSchema = Resolve(document, Resolve(document, decision)["items"]!)["properties"]!["decision"]!;
        Assert.Equal(["confirm", "decline"], Resolve(document, decisionSchema)["enum"]!.AsArray().Select(v => (string?)v));

        // No enum anywhere is an integer or spelled in PascalCase.
        var problems = new List<string>();
        void Walk(JsonNode? node, string at)
        {
            if (node is JsonObject o)
            {
                if (o["enum"] is JsonArray values && values.Any(v => v is not null && (v.GetValueKind() != JsonValueKind.String || char.IsUpper(((string)v!)[0]))))
                    problems.Add(at);
                foreach (var (k, v) in o) Walk(v, at + "/" + k);
            }
            else if (node is JsonArray a) for (var i = 0; i < a.Count; i++)
                Walk(a[i], $"{at}/{i}");
        }
        Walk(document, "#");
        Assert.True(problems.Count == 0, "Enums not as camelCase strings: " + string.Join(", ", problems));
    }

    [AnyDatabaseFact]
    public async Task Every_component_schema_is_used()
    {
        var document = await DocumentAsync();
        var text = document.ToJsonString();
        var unused = document["components"]!["schemas"]!.AsObject().Select(p => p.Key)
            .Where(name => !text.Contains($"\"#/components/schemas/{name}\"", StringComparison.Ordinal)).ToList();
        Assert.True(unused.Count == 0, "Unused components: " + string.Join(", ", unused));
    }

    private static string OpenApiPath(ApiEndpoint endpoint) => "/" + endpoint.Route;
}
