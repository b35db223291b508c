using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace VendorPortal.Web.Hosting;

/// <summary>The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed. None by default.</summary>
public sealed class TrustedProxyOptions
{
    public const string Section = "ForwardedHeaders";
    /// <summary>Addresses of the proxies, e.g. "10.0.0.5".</summary>
    public List<string> KnownProxies { get; set; } = [];
    /// <summary>Networks the proxies live in, in CIDR notation, e.g. "10.0.0.0/24".</summary>
    public List<string> KnownNetworks { get; set; } = [];
}

public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(TrustedProxyOptions.Section).Get<TrustedProxyOptions>() ?? new();
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback out of the box; here only what configuration names.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            // Walks back through the chain while each hop is a known proxy, so a CDN in front of a load balancer works.
            o.ForwardLimit = null;
            foreach (var proxy in settings.KnownProxies)
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"{TrustedProxyOptions.Section}:KnownProxies holds \"{proxy}\", which is not an IP address."));
            foreach (var network in settings.KnownNetworks)
                o.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"{TrustedProxyOptions.Section}:KnownNetworks holds \"{network}\", which is not a CIDR network such as 10.0.0.0/24."));
        });
        return services;
    }

    public static IApplicationBuilder UseTrustedProxies(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        // With no known proxy or network the middleware would believe every peer's headers: off until one is configured.
        return options.KnownProxies.Count + options.KnownIPNetworks.Count == 0 ? app : app.UseForwardedHeaders();
    }
}
