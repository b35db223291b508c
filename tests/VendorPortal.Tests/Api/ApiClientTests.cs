using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace VendorPortal.Tests.Api;

/// <summary>
/// Holds the tests' typed client (<see cref="ApiRoutes"/>, <see cref="Pages"/>) against the app's endpoint
/// table, so a renamed or removed route fails here, naming the route, rather than in every test that calls it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class ApiClientTests(AppFactory app)
{
    [Fact]
    public void Every_route_of_the_client_is_an_endpoint_of_the_app_with_the_same_method()
    {
        var app = AppRoutes();
        var unknown = ClientRoutes().Where(r => !app.Contains(r)).ToList();
        Assert.True(unknown.Count == 0, "The tests' client (tests/VendorPortal.Tests/Infrastructure/ApiRoutes.cs) names routes the app does not have: "
            + string.Join(", ", unknown));
    }

    [Fact]
    public void Every_api_endpoint_of_the_app_is_known_to_the_client()
    {
        var client = ClientRoutes();
        var missing = AppRoutes().Where(r => !client.Contains(r)).ToList();
        Assert.True(missing.Count == 0, "Add these routes to the tests' client (tests/VendorPortal.Tests/Infrastructure/ApiRoutes.cs): "
            + string.Join(", ", missing));
    }

    [Fact]
    public void Every_page_path_of_the_client_is_a_route_of_the_app()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => Normalized("/" + (e.RoutePattern.RawText ?? "").TrimStart('/'))).ToHashSet(StringComparer.Ordinal);
        var unknown = Paths(typeof(Pages), null).Concat(Paths(typeof(TenantPages), Pages.For("{tenant}")))
            .Select(Normalized).Where(p => !routes.Contains(p)).ToList();
        Assert.True(unknown.Count == 0, "The tests' client (tests/VendorPortal.Tests/Infrastructure/Pages.cs) names pages the app does not have: "
            + string.Join(", ", unknown));
    }

    private HashSet<string> AppRoutes() => [.. ApiEndpoint.All(app.Services).Select(e => Normalized($"{e.Method} /{e.Route}"))];

    /// <summary>Every route the client builds, with each value a placeholder: "GET /api/t/{}/vendors/{}".</summary>
    private static HashSet<string> ClientRoutes() =>
    [
        .. Routes(typeof(ApiRoutes), null).Concat(Routes(typeof(TenantApi), ApiRoutes.For("{tenant}")))
            .Select(r => Normalized(r.ToString())),
    ];

    /// <summary>The routes a client type offers: its <see cref="ApiRoute"/> members and those of its groups (a tenant's API is walked on its own).</summary>
    private static IEnumerable<ApiRoute> Routes(Type type, object? target) =>
        Members(type, target).SelectMany(value => value switch
        {
            ApiRoute route => [route],
            TenantApi => [],
            { } group => Routes(group.GetType(), group),
            _ => [],
        });

    private static IEnumerable<string> Paths(Type type, object? target) =>
        Members(type, target).OfType<string>().Concat(type.GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetValue(null)!));

    /// <summary>The values of a type's public properties and methods, each parameter given as the placeholder "{name}".</summary>
    private static IEnumerable<object?> Members(Type type, object? target) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.DeclaredOnly | (target is null ? BindingFlags.Static : BindingFlags.Instance))
            .Where(m => m.GetParameters().All(p => p.ParameterType == typeof(object)) && m.ReturnType != typeof(void) && !m.ReturnType.IsGenericType)
            .Select(m => m.Invoke(target, [.. m.GetParameters().Select(p => (object)$"{{{p.Name}}}")]));

    private static string Normalized(string route) => RouteValue().Replace(route, "{}");

    [GeneratedRegex(@"\{[^}]*\}")]
    private static partial Regex RouteValue();
}
