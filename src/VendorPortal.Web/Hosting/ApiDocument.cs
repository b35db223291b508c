using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace VendorPortal.Web.Hosting;

/// <summary>The OpenAPI document at /openapi/v1.json and the interactive reference at /docs.</summary>
public static partial class ApiDocument
{
    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((doc, _, _) =>
            {
                doc.Info = new OpenApiInfo
                {
                    Title = "VendorPortal API",
                    Version = "v1",
                    Description = "Surge capacity between contact centers and their outsourcing vendors. " +
                        "Sign in with POST /api/auth/login and send the access token as a bearer token, " +
                        "or send a vendor API key in X-Api-Key. Tenant routes live under /api/t/{tenant}.",
                };
                doc.Components ??= new OpenApiComponents();
                doc.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                doc.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "The accessToken from POST /api/auth/login.",
                };
                doc.Components.SecuritySchemes["apiKey"] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey,
                    In = ParameterLocation.Header,
                    Name = "X-Api-Key",
                    Description = "A key created by a tenant admin; scoped to one tenant and optionally one vendor.",
                };
                doc.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
                doc.Components.Schemas["ProblemDetails"] = ProblemDetailsSchema();
                return Task.CompletedTask;
            });
            o.AddSchemaTransformer(EnumsAsStrings);
            o.AddOperationTransformer(async (op, ctx, ct) =>
            {
                var metadata = ctx.Description.ActionDescriptor.EndpointMetadata;
                op.Parameters ??= [];
                foreach (Match m in RouteParameter().Matches(ctx.Description.RelativePath ?? ""))
                {
                    var name = m.Groups[1].Value;
                    if (op.Parameters.Any(p => p.Name == name && p.In == ParameterLocation.Path)) continue;
                    op.Parameters.Add(new OpenApiParameter
                    {
                        Name = name,
                        In = ParameterLocation.Path,
                        Required = true,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        Description = name == Tenancy.RouteValue ? "The tenant's slug, e.g. demo." : null,
                    });
                }

                var definition = metadata.OfType<EndpointDefinition>().FirstOrDefault();
                var method = ctx.Description.HttpMethod;
                if (definition is not null) Describe(op, definition);
                if (method is "GET" or "DELETE") op.RequestBody = null;
                if (metadata.OfType<CsvUpload>().Any()) op.RequestBody = CsvBody();
                // A [FromBody] property is the whole body (e.g. the confirmations array): document it, not the request wrapper.
                if (definition?.ReqDtoType.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<FromBodyAttribute>() is not null) is { } bodyProperty
                    && op.RequestBody?.Content is { } content)
                {
                    var schema = await ctx.GetOrCreateSchemaAsync(bodyProperty.PropertyType, null, ct);
                    foreach (var media in content.Values) media.Schema = schema;
                }
                if (definition?.ReqDtoType is { } requestType && method is "GET" or "DELETE")
                {
                    foreach (var property in requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                    {
                        var name = JsonNamingPolicy.CamelCase.ConvertName(property.Name);
                        if (op.Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))) continue;
                        if (property.GetCustomAttribute<FromClaimAttribute>() is not null) continue;
                        op.Parameters.Add(new OpenApiParameter
                        {
                            Name = name,
                            In = ParameterLocation.Query,
                            Schema = new OpenApiSchema { Type = SchemaType(property.PropertyType) },
                        });
                    }
                }

                if (definition?.EndpointType.Namespace?.Split('.') is [.., "Features", var capability, "Api"])
                {
                    ctx.Document!.Tags ??= new HashSet<OpenApiTag>();
                    // Replace the assembly-name tag the framework gives every operation with the capability.
                    if (ctx.Document.Tags.FirstOrDefault(t => t.Name == typeof(ApiDocument).Assembly.GetName().Name) is { } assemblyTag)
                        ctx.Document.Tags.Remove(assemblyTag);
                    if (!ctx.Document.Tags.Any(t => t.Name == capability)) ctx.Document.Tags.Add(new OpenApiTag { Name = capability });
                    op.Tags = new HashSet<OpenApiTagReference> { new(capability, ctx.Document) };
                }

                op.Responses ??= [];
                var route = ctx.Description.RelativePath ?? "";
                AddProblem(op, ctx.Document, "400", "The request is malformed or fails validation; errors name the fields.");
                if (route.Contains("{tenant}", StringComparison.Ordinal) || route.Contains("Id}", StringComparison.Ordinal) || route.EndsWith("{id}", StringComparison.Ordinal))
                    AddProblem(op, ctx.Document, "404", "Not found in the caller's scope: unknown tenant, not a member, or another vendor's record.");
                if (method is "POST" or "PUT" or "PATCH" or "DELETE")
                {
                    AddProblem(op, ctx.Document, "409", "Conflicts with the current state, e.g. a duplicate name.");
                    AddProblem(op, ctx.Document, "422", "Breaks a business rule; errors name the field.");
                }

                if (definition?.EndpointSummary?.ExampleRequest is { } example && op.RequestBody?.Content is { } exampleContent
                    && exampleContent.TryGetValue("application/json", out var exampleMedia))
                {
                    // A [FromBody] property is the whole body: its value is the example, not the request wrapper.
                    var whole = definition.ReqDtoType.GetProperties().FirstOrDefault(p => p.GetCustomAttribute<FromBodyAttribute>() is not null);
                    var value = whole is null ? example : whole.GetValue(example);
                    if (value is not null) exampleMedia.Example = JsonSerializer.SerializeToNode(value, value.GetType(), ExampleJson);
                }

                if (metadata.OfType<IAllowAnonymous>().Any())
                    // Explicitly anonymous: an empty requirement, so no caller is asked for credentials.
                    op.Security = [new OpenApiSecurityRequirement()];
                else
                {
                    // FastEndpoints declares 401 and 403 without a body; the API answers them as problem details.
                    op.Responses.Remove("401");
                    op.Responses.Remove("403");
                    AddProblem(op, ctx.Document, "401", "No valid bearer token or API key was sent.");
                    AddProblem(op, ctx.Document, "403", "The caller's role or key may not do this.");
                    op.Security =
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", ctx.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", ctx.Document)] = [] },
                    ];
                    var roles = metadata.OfType<IAuthorizeData>()
                        .Select(a => Enum.TryParse<Permission>(a.Policy, out var permission) ? string.Join(",", Permissions.Roles[permission]) : a.Roles)
                        .Where(r => !string.IsNullOrEmpty(r)).ToList();
                    if (roles.Count > 0)
                        op.Description = $"{op.Description}\n\nRoles: {string.Join(", ", roles)}".Trim();
                }
            });
            // After the operations: the components they use are known, so examples can be made and the rest pruned.
            o.AddDocumentTransformer((doc, _, _) =>
            {
                Finish(doc);
                return Task.CompletedTask;
            });
        });

    public static void MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o
            .WithTitle("VendorPortal API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            // Under the site's Content-Security-Policy (SecurityHeaders): a nonce for its inline script, no font CDN.
            .WithNonce()
            .AddHeadContent("<script src=\"/js/api-reference.js\"></script>")
            .DisableDefaultFonts()).AllowAnonymous();
    }

    private static OpenApiRequestBody CsvBody() => new()
    {
        Required = true,
        Description = "The CSV file: UTF-8 (with or without BOM), a header row naming the columns.",
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["text/csv"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            ["multipart/form-data"] = new()
            {
                Schema = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object,
                    Required = new HashSet<string> { "file" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" },
                    },
                },
            },
        },
    };

    private static void AddProblem(OpenApiOperation op, OpenApiDocument? document, string status, string description)
    {
        if (op.Responses!.ContainsKey(status)) return;
        op.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
            },
        };
    }

    private static OpenApiSchema ProblemDetailsSchema()
    {
        static OpenApiSchema Of(JsonSchemaType type) => new() { Type = type };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "RFC 9457 problem details. Texts are in the request's Accept-Language (en, or zh-CN for any Chinese).",
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Of(JsonSchemaType.String),
                ["title"] = Of(JsonSchemaType.String),
                ["status"] = Of(JsonSchemaType.Integer),
                ["detail"] = Of(JsonSchemaType.String),
                ["instance"] = Of(JsonSchemaType.String),
                ["traceId"] = Of(JsonSchemaType.String),
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String,
                    Description = "The broken business rule's stable code, e.g. shift.outside_event; absent when no rule was broken.",
                },
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array,
                    Items = new OpenApiSchema
                    {
                        Type = JsonSchemaType.Object,
                        Properties = new Dictionary<string, IOpenApiSchema>
                        {
                            ["name"] = Of(JsonSchemaType.String),
                            ["reason"] = Of(JsonSchemaType.String),
                            ["code"] = Of(JsonSchemaType.String),
                        },
                    },
                },
            },
        };
    }

    private static JsonSchemaType SchemaType(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(long)) return JsonSchemaType.Integer;
        if (type == typeof(decimal) || type == typeof(double)) return JsonSchemaType.Number;
        if (type == typeof(bool)) return JsonSchemaType.Boolean;
        return JsonSchemaType.String;
    }

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\}")]
    private static partial Regex RouteParameter();
}
