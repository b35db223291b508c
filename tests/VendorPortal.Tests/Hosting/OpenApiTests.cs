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

    [Fact]
    public async Task Document_lists_every_api_endpoint_with_its_method()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var missing = ApiEndpoint.All(app.Services)
            .Where(e => paths[OpenApiPath(e)]?[e.Method.ToLowerInvariant()] is null)
            .Select(e => e.Key).ToList();
        Assert.True(missing.Count == 0, "Missing from /openapi/v1.json: " + string.Join(", ", missing));
    }

    [Fact]
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

    [Fact]
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

    [Fact]
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

    [Fact]
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

    [Fact]
    public async Task List_operations_declare_their_paging_query_parameters()
    {
        var operation = (await DocumentAsync())["paths"]!["/api/t/{tenant}/vendors"]!["get"]!;
        var query = operation["parameters"]!.AsArray().Where(p => (string?)p!["in"] == "query").Select(p => (string?)p!["name"]).ToList();
        Assert.Contains("page", query);
        Assert.Contains("pageSize", query);
        Assert.Contains("search", query);
    }

    [Fact]
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

    private static string OpenApiPath(ApiEndpoint endpoint) => "/" + endpoint.Route;
}
