using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
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
                return Task.CompletedTask;
            });
            o.AddOperationTransformer((op, ctx, _) =>
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
                if (definition?.ReqDtoType is { } requestType && ctx.Description.HttpMethod is "GET" or "DELETE")
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

                if (!metadata.OfType<IAllowAnonymous>().Any())
                {
                    op.Security =
                    [
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", ctx.Document)] = [] },
                        new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("apiKey", ctx.Document)] = [] },
                    ];
                    var roles = metadata.OfType<IAuthorizeData>().Select(a => a.Roles).Where(r => !string.IsNullOrEmpty(r)).ToList();
                    if (roles.Count > 0)
                        op.Description = $"{op.Description}\n\nRoles: {string.Join(", ", roles)}".Trim();
                }
                return Task.CompletedTask;
            });
        });

    public static void MapApiDocument(this WebApplication app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/docs", o => o
            .WithTitle("VendorPortal API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
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
