using System.Security.Claims;
using Microsoft.Extensions.Caching.Memory;
using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Hosting;

/// <summary>
/// Builds the request's access scope from the verified principal and the {tenant} route value.
/// Non-members, unknown tenants and keys of another tenant all get 404: existence is not revealed.
/// Granted scopes are remembered briefly, so a steady stream of calls costs one lookup a minute;
/// refusals are never remembered, so a new membership works at once.
/// </summary>
public static class Tenancy
{
    public const string RouteValue = "tenant";
    private static readonly TimeSpan Remember = TimeSpan.FromSeconds(60);

    public static IApplicationBuilder UseTenantScope(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.GetRouteValue(RouteValue) is not string slug || ctx.User.Identity?.IsAuthenticated != true)
        {
            await next(ctx);
            return;
        }

        var cache = ctx.RequestServices.GetRequiredService<IMemoryCache>();
        var key = (ctx.User.FindFirstValue(ClaimTypes.NameIdentifier), ctx.User.FindFirstValue(PortalClaims.ApiKeyId) is not null, slug);
        if (!cache.TryGetValue(key, out AccessScope? scope))
        {
            scope = await ResolveAsync(ctx.RequestServices.GetRequiredService<AppDbContext>(), ctx.User, slug, ctx.RequestAborted);
            if (scope is not null) cache.Set(key, scope, Remember);
        }
        if (scope is null)
        {
            await NotFound(ctx);
            return;
        }

        ctx.RequestServices.GetRequiredService<AccessScopeAccessor>().Set(scope);
        ctx.User.AddIdentity(new ClaimsIdentity([new Claim(ClaimTypes.Role, scope.Role.ToString())], "membership"));
        await next(ctx);
    });

    public static async Task<AccessScope?> ResolveAsync(AppDbContext db, ClaimsPrincipal user, string slug, CancellationToken ct)
    {
        if (user.FindFirstValue(PortalClaims.ApiKeyId) is { } keyId)
        {
            var tenant = await db.Tenants.AsNoTracking()
                .Where(t => t.Slug == slug)
                .Select(t => new { t.Id, t.Slug })
                .SingleOrDefaultAsync(ct);
            if (tenant is null || tenant.Id.ToString() != user.FindFirstValue(PortalClaims.TenantId)) return null;
            var vendor = user.FindFirstValue(PortalClaims.VendorId);
            return new AccessScope(
                tenant.Id, tenant.Slug,
                Enum.Parse<TenantRole>(user.FindFirstValue(PortalClaims.KeyRole)!),
                vendor is null ? null : Guid.Parse(vendor),
                null, Guid.Parse(keyId), user.Identity!.Name!);
        }

        if (user.UserId() is not { } userId) return null;
        // Platform code: membership is what grants the scope, so it is read across tenants.
        var membership = await db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AsNoTracking()
            .Where(m => m.UserId == userId && m.Tenant!.Slug == slug)
            .Select(m => new { m.TenantId, m.Tenant!.Slug, m.Role, m.VendorId })
            .SingleOrDefaultAsync(ct);
        return membership is null
            ? null
            : new AccessScope(membership.TenantId, membership.Slug, membership.Role, membership.VendorId,
                userId, null, user.FindFirstValue(ClaimTypes.Email) ?? user.Identity!.Name!);
    }

    private static Task NotFound(HttpContext ctx)
    {
        ctx.Response.StatusCode = StatusCodes.Status404NotFound;
        // API answers get a problem-details body from the status-code pages; the portal shows its 404 page.
        return Task.CompletedTask;
    }
}
