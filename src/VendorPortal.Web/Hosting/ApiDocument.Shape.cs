using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VendorPortal.Web.Hosting;

/// <summary>
/// What makes /openapi/v1.json describe the API as it behaves: each operation's summary, description and operationId
/// from its endpoint, enums as the camelCase strings the API reads and writes, described tags, request examples, and
/// no component that nothing uses.
/// </summary>
public static partial class ApiDocument
{
    /// <summary>One line per capability (the Features folder an endpoint lives in), shown as the tag's description.</summary>
    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Agents"] = "A vendor's agents: their skills, languages and availability.",
        ["Alerts"] = "Alerts for the caller: gaps, late answers and other things to act on.",
        ["ApiKeys"] = "API keys a tenant admin creates for integrations, scoped to the tenant and optionally one vendor.",
        ["Webhooks"] = "Signed webhook endpoints (Standard Webhooks) of the tenant or of one vendor, their secrets and delivery logs; the event catalogue is in POST /webhooks.",
        ["Audit"] = "The tenant's audit trail: who changed what, and when.",
        ["Billing"] = "Rate cards, statements and their PDFs.",
        ["CapacityRequests"] = "Asking vendors for agents per skill and shift slot, and their answers.",
        ["Events"] = "Surge events: the dates, skills and forecast volumes a contact center must staff.",
        ["Identity"] = "Signing in, refreshing tokens, passwords and the caller's own profile.",
        ["Notifications"] = "Which notification e-mails the signed-in person receives (their preferences, across tenants).",
        ["Planning"] = "The suggested surge plan: shift cover and vendor allocation, and sending it as requests.",
        ["Readiness"] = "Whether committed agents are ready: training, systems access and checks.",
        ["Shifts"] = "Committed shifts, confirmations, attendance and calendar feeds.",
        ["Skills"] = "The tenant's skills that events need and agents have.",
        ["Staffing"] = "Staffing maths: agents needed for a volume and service level (Erlang C, Erlang A).",
        ["Tenants"] = "Tenants and their settings; creating tenants is the platform operator's.",
        ["Training"] = "Training sessions for vendors' agents before an event.",
        ["Users"] = "The tenant's members, their roles and invitations.",
        ["Vendors"] = "The outsourcing vendors a tenant works with.",
    };

    /// <summary>The API's own JSON shape (Api.cs): camelCase names and enums as camelCase strings.</summary>
    private static readonly JsonSerializerOptions ExampleJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private static void Describe(OpenApiOperation op, EndpointDefinition definition)
    {
        op.OperationId = definition.EndpointType.Name;
        var summary = definition.EndpointSummary?.Summary;
        if (string.IsNullOrWhiteSpace(summary))
        {
            var words = Words().Replace(definition.EndpointType.Name, " $1").Trim();
            summary = words[..1] + words[1..].ToLowerInvariant() + ".";
        }
        summary = summary.Trim();
        op.Summary = summary;
        var description = definition.EndpointSummary?.Description;
        op.Description = string.IsNullOrWhiteSpace(description) ? summary : description.Trim();
    }

    /// <summary>The API writes and reads enums as camelCase strings (Api.cs), whatever the enum's own attributes say.</summary>
    private static Task EnumsAsStrings(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken _)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (!underlying.IsEnum) return Task.CompletedTask;
        var nullable = underlying != type || (schema.Type is { } t && t.HasFlag(JsonSchemaType.Null));
        schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        schema.Format = null;
        schema.Pattern = null;
        schema.Enum = [.. Enum.GetNames(underlying).Select(n => (JsonNode)JsonValue.Create(JsonNamingPolicy.CamelCase.ConvertName(n))!)];
        if (nullable) schema.Enum.Add(null!);
        return Task.CompletedTask;
    }

    private static void Finish(OpenApiDocument doc)
    {
        foreach (var tag in doc.Tags ?? new HashSet<OpenApiTag>())
            if (TagDescriptions.TryGetValue(tag.Name ?? "", out var text)) tag.Description = text;
        // Tags arrive in the order endpoints register; readers of the reference look them up by name.
        if (doc.Tags is { } tags)
            doc.Tags = new SortedSet<OpenApiTag>(tags, Comparer<OpenApiTag>.Create((a, b) => string.CompareOrdinal(a.Name, b.Name)));

        // The API is where the document is: a relative server, not the host name the request happened to use.
        doc.Servers = [new OpenApiServer { Url = "/", Description = "The site that serves this document." }];

        var schemas = doc.Components?.Schemas ?? new Dictionary<string, IOpenApiSchema>();
        var used = new HashSet<string>(StringComparer.Ordinal);
        void Use(IOpenApiSchema? schema)
        {
            switch (schema)
            {
                case null:
                    return;
                case OpenApiSchemaReference reference:
                    if (reference.Reference.Id is { } id && used.Add(id) && schemas.TryGetValue(id, out var target)) Use(target);
                    return;
            }
            foreach (var property in schema.Properties?.Values ?? []) Use(property);
            Use(schema.Items);
            Use(schema.AdditionalProperties);
            Use(schema.Not);
            foreach (var s in (schema.AllOf ?? []).Concat(schema.AnyOf ?? []).Concat(schema.OneOf ?? [])) Use(s);
        }

        foreach (var op in Operations(doc))
        {
            foreach (var parameter in op.Parameters ?? []) Use(parameter.Schema);
            foreach (var media in op.RequestBody?.Content?.Values ?? [])
            {
                Use(media.Schema);
                if (media.Example is null && media.Schema is not null)
                    media.Example = Example(media.Schema, schemas, 0);
            }
            foreach (var response in op.Responses?.Values ?? Enumerable.Empty<IOpenApiResponse>())
                foreach (var media in response.Content?.Values ?? []) Use(media.Schema);
        }

        foreach (var name in schemas.Keys.Where(k => !used.Contains(k)).ToList()) schemas.Remove(name);
    }

    private static IEnumerable<OpenApiOperation> Operations(OpenApiDocument doc) =>
        doc.Paths?.Values.SelectMany(p => p.Operations?.Values ?? Enumerable.Empty<OpenApiOperation>()) ?? [];

    /// <summary>A small value the schema accepts: the first enum value, a plausible date, 1 for numbers, one array item.</summary>
    private static JsonNode? Example(IOpenApiSchema schema, IDictionary<string, IOpenApiSchema> schemas, int depth)
    {
        if (schema is OpenApiSchemaReference reference)
            return depth < 8 && reference.Reference.Id is { } id && schemas.TryGetValue(id, out var target) ? Example(target, schemas, depth + 1) : null;
        if (schema.Examples is { Count: > 0 } given && given[0] is { } first) return first.DeepClone();
        if (schema.Enum is { Count: > 0 } values) return values.FirstOrDefault(v => v is not null)?.DeepClone();
        if ((schema.AllOf ?? []).Concat(schema.OneOf ?? []).Concat(schema.AnyOf ?? [])
            .FirstOrDefault(s => s is OpenApiSchemaReference || s.Type is not JsonSchemaType.Null) is { } part)
            return Example(part, schemas, depth + 1);
        var type = schema.Type ?? (schema.Properties is { Count: > 0 } ? JsonSchemaType.Object : JsonSchemaType.String);
        if (type.HasFlag(JsonSchemaType.Object))
        {
            var node = new JsonObject();
            foreach (var (name, property) in schema.Properties ?? new Dictionary<string, IOpenApiSchema>())
                if (depth < 8) node[name] = Example(property, schemas, depth + 1);
            return node;
        }
        if (type.HasFlag(JsonSchemaType.Array))
            return schema.Items is { } items && depth < 8 ? new JsonArray(Example(items, schemas, depth + 1)) : new JsonArray();
        if (type.HasFlag(JsonSchemaType.Boolean)) return JsonValue.Create(true);
        if (type.HasFlag(JsonSchemaType.Integer)) return JsonValue.Create(Minimum(schema) is { } min ? (long)Math.Ceiling(min) : 1L);
        if (type.HasFlag(JsonSchemaType.Number)) return JsonValue.Create(Minimum(schema) is { } low ? low : 1.5m);
        if (type.HasFlag(JsonSchemaType.String))
            return JsonValue.Create(schema.Format switch
            {
                "date" => "2026-03-02",
                "date-time" => "2026-03-02T09:00:00Z",
                "time" => "09:00:00",
                "uuid" => "3f2504e0-4f89-41d3-9a0c-0305e82c3301",
                "email" => "someone@contoso.test",
                "uri" => "https://contoso.test/",
                "binary" or "byte" => "",
                _ => "text",
            });
        return null;
    }

    private static decimal? Minimum(IOpenApiSchema schema) =>
        decimal.TryParse(schema.Minimum, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var min) && min > 0 ? min : null;

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex Words();
}
