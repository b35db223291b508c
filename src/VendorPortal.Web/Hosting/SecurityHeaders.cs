using Microsoft.AspNetCore.Server.Kestrel.Core;
using Scalar.AspNetCore;

namespace VendorPortal.Web.Hosting;

/// <summary>The headers every response carries, error pages, static files and the API reference included.</summary>
public static class SecurityHeaders
{
    // Scripts only from our own files. Style attributes stay allowed (progress bars and chart legends set
    // widths and colours per row); style elements and style sheets do not.
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; style-src-attr 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public const string PermissionsPolicy =
        "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";

    public const string StrictTransportSecurity = "max-age=31536000; includeSubDomains";

    /// <summary>
    /// The Scalar reference at /docs: its one inline script carries a fresh nonce per request, and its
    /// components inject style elements.
    /// </summary>
    public static string DocsPolicy(string nonce) =>
        $"default-src 'self'; script-src 'self' 'nonce-{nonce}'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddSecurityHeaders(this IServiceCollection services) =>
        services.Configure<KestrelServerOptions>(o => o.AddServerHeader = false);

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IHostEnvironment environment)
    {
        var hsts = !environment.IsDevelopment();
        // Set as the response starts: the exception handler clears headers set earlier.
        return app.Use((ctx, next) =>
        {
            ctx.Response.OnStarting(() =>
            {
                var headers = ctx.Response.Headers;
                headers.ContentSecurityPolicy = ctx.Items[ScalarOptions.NonceHttpContextItemKey] is string nonce
                    ? DocsPolicy(nonce)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers["Permissions-Policy"] = PermissionsPolicy;
                if (hsts && ctx.Request.IsHttps) headers.StrictTransportSecurity = StrictTransportSecurity;
                // Tokens, tenant data and statements must not stay in a browser's or a proxy's cache.
                if (ctx.Request.Path.StartsWithSegments("/api") || ctx.User.Identity?.IsAuthenticated == true)
                    headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(ctx);
        });
    }
}
