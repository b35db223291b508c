using System.Text.RegularExpressions;
using FastEndpoints;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Tests.Infrastructure;

public sealed partial record ApiEndpoint(string Method, string Route, RouteEndpoint Endpoint)
{
    public const string TenantParameter = "tenant";

    /// <summary>"GET api/t/{tenant}/vendors/{vendorId}": the key the tests' tables use.</summary>
    public string Key => $"{Method} {Route}";

    public bool AllowsAnonymous => Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;

    public bool IsTenantRoute => Route.StartsWith("api/t/{tenant}/", StringComparison.Ordinal);

    public bool HasBody => Method is "POST" or "PUT" or "PATCH";

    public EndpointDefinition? Definition => Endpoint.Metadata.GetMetadata<EndpointDefinition>();

    /// <summary>True when the endpoint's permissions (or roles) let the role in (neither means any signed-in member).</summary>
    public bool AllowsRole(string role) =>
        Definition?.PreBuiltUserPolicies?.Where(p => Enum.IsDefined(typeof(Permission), p)).ToList() is { Count: > 0 } permissions
            ? permissions.All(p => Permissions.Roles[Enum.Parse<Permission>(p)].Contains(Enum.Parse<TenantRole>(role)))
            : Definition?.AllowedRoles is not { Count: > 0 } roles || roles.Contains(role);

    public IReadOnlyList<string> Parameters => [.. Endpoint.RoutePattern.Parameters.Select(p => p.Name)];

    public string PathWith(IReadOnlyDictionary<string, string> values) =>
        "/" + RouteParameter().Replace(Route, m => values.TryGetValue(m.Groups[1].Value, out var v)
            ? Uri.EscapeDataString(v)
            : throw new InvalidOperationException($"No value for {{{m.Groups[1].Value}}} in {Key}."));

    public HttpRequestMessage Request(IReadOnlyDictionary<string, string> values, HttpContent? body = null) =>
        new(new HttpMethod(Method), PathWith(values)) { Content = body ?? (HasBody ? JsonContent.Create(new { }) : null) };

    public override string ToString() => Key;

    [GeneratedRegex(@"\{(\w+)(?::[^}]*)?\??\}")]
    private static partial Regex RouteParameter();

    public static IReadOnlyList<ApiEndpoint> All(IServiceProvider services) =>
    [
        .. services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Select(e => (Endpoint: e, Route: (e.RoutePattern.RawText ?? "").TrimStart('/')))
            .Where(e => e.Route.StartsWith("api/", StringComparison.Ordinal))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(m => new ApiEndpoint(m, e.Route, e.Endpoint)))
            .OrderBy(e => e.Route, StringComparer.Ordinal).ThenBy(e => e.Method, StringComparer.Ordinal),
    ];
}
