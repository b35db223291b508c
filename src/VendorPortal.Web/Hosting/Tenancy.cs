using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Hosting;

/// <summary>
/// Checks on every request that a signed-in person's credential is still current, and builds the request's
/// access scope from the verified principal and the {tenant} route value.
/// A cookie or bearer token carries the security stamp it was issued with; removal, disabling, a role change
/// or a password reset change the stamp in the database, so the next request on any node is refused. One
/// indexed query per request reads the stamp and (on tenant routes) the membership together; nothing is
/// cached, because no node could tell another that an entry went stale. The queries are compiled once, so a
/// request pays for running them only, not for translating LINQ to SQL again.
/// Non-members, disabled members, unknown tenants and keys of another tenant all get 404: existence is not revealed.
/// </summary>
public static class Tenancy
{
    public const string RouteValue = "tenant";

    public static IApplicationBuilder UseTenantScope(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.Identity?.IsAuthenticated != true)
        {
            await next(ctx);
            return;
        }

        var slug = ctx.GetRouteValue(RouteValue) as string;
        AccessScope? scope = null;
        if (ctx.User.FindFirstValue(PortalClaims.ApiKeyId) is not null)
        {
            // The key was read from the database by its authentication handler on this very request.
            scope = slug is null ? null : ForApiKey(ctx.User, slug);
        }
        else
        {
            var access = await CurrentAsync(ctx, slug);
            if (access is null)
            {
                await RevokedAsync(ctx);
                await next(ctx);
                return;
            }
            scope = access.Scope;
        }

        if (slug is null)
        {
            await next(ctx);
            return;
        }
        if (scope is null)
        {
            NotFound(ctx);
            return;
        }

        ctx.RequestServices.GetRequiredService<AccessScopeAccessor>().Set(scope);
        await next(ctx);
    });

    private sealed record Access(AccessScope? Scope);

    private sealed record Member(string? SecurityStamp, Guid? TenantId, TenantRole? Role, Guid? VendorId);

    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<string?>> StampOf =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId, CancellationToken _) =>
            db.Users.AsNoTracking().Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleOrDefault());

    // Platform code: membership is what grants the scope, so it is read across tenants.
    private static readonly Func<AppDbContext, Guid, string, CancellationToken, Task<Member?>> MemberOf =
        EF.CompileAsyncQuery((AppDbContext db, Guid userId, string slug, CancellationToken _) => (
                from u in db.Users.AsNoTracking().Where(u => u.Id == userId)
                from m in db.Memberships.IgnoreQueryFilters(new[] { AppDbContext.TenantFilter })
                    .Where(m => m.UserId == u.Id && m.DisabledAt == null && m.Tenant!.Slug == slug)
                    .DefaultIfEmpty()
                select new Member(u.SecurityStamp, (Guid?)m!.TenantId, (TenantRole?)m.Role, m.VendorId))
            .FirstOrDefault());

    /// <summary>Null when the credential's security stamp is no longer the user's (or the user is gone).</summary>
    private static async Task<Access?> CurrentAsync(HttpContext ctx, string? slug)
    {
        var user = ctx.User;
        if (user.UserId() is not { } userId) return null;
        var stampType = ctx.RequestServices.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        if (user.FindFirstValue(stampType) is not { Length: > 0 } stamp) return null;

        var db = ctx.RequestServices.GetRequiredService<AppDbContext>();
        if (slug is null)
            return await StampOf(db, userId, ctx.RequestAborted) == stamp ? new Access(null) : null;

        var row = await MemberOf(db, userId, slug, ctx.RequestAborted);
        if (row is null || row.SecurityStamp != stamp) return null;
        return new Access(row.TenantId is { } tenantId
            ? new AccessScope(tenantId, slug, row.Role!.Value, row.VendorId, userId, null,
                user.FindFirstValue(ClaimTypes.Email) ?? user.Identity!.Name!)
            : null);
    }

    private static AccessScope? ForApiKey(ClaimsPrincipal user, string slug)
    {
        if (user.FindFirstValue(PortalClaims.TenantSlug) != slug) return null;
        var vendor = user.FindFirstValue(PortalClaims.VendorId);
        return new AccessScope(
            Guid.Parse(user.FindFirstValue(PortalClaims.TenantId)!), slug,
            Enum.Parse<TenantRole>(user.FindFirstValue(PortalClaims.KeyRole)!),
            vendor is null ? null : Guid.Parse(vendor),
            null, Guid.Parse(user.FindFirstValue(PortalClaims.ApiKeyId)!), user.Identity!.Name!);
    }

    /// <summary>
    /// A calendar subscription address stands in for its owner's sign-in: the scope is the owner's membership, exactly
    /// as theirs would be, and is set for the request. Null (answer 404) when the address is unknown, revoked, or the
    /// membership has ended or is disabled.
    /// </summary>
    public static async Task<CalendarLink?> EnterCalendarLinkAsync(HttpContext ctx, string token, CancellationToken ct)
    {
        if (SecretToken.PrefixOf(token, CalendarLink.Marker) is not { } prefix) return null;
        var db = ctx.RequestServices.GetRequiredService<AppDbContext>();
        // Platform code: the address is found before any tenant scope exists, by its unique prefix.
        var link = await db.CalendarLinks.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .SingleOrDefaultAsync(l => l.Prefix == prefix, ct);
        if (link is null || link.RevokedAt is not null || !SecretToken.Matches(token, link.SecretHash)) return null;
        var member = await db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter]).AsNoTracking()
            .Where(m => m.UserId == link.UserId && m.TenantId == link.TenantId && m.DisabledAt == null)
            .Select(m => new { m.TenantId, m.Tenant!.Slug, m.Role, m.VendorId, m.User!.Email })
            .SingleOrDefaultAsync(ct);
        if (member is null) return null;
        ctx.RequestServices.GetRequiredService<AccessScopeAccessor>().Set(
            new AccessScope(member.TenantId, member.Slug, member.Role, member.VendorId, link.UserId, null, $"calendar:{member.Email}"));
        return link;
    }

    /// <summary>
    /// The request goes on as anonymous: protected API routes answer 401 and portal pages send the visitor to
    /// sign in. A stale portal cookie is also deleted.
    /// </summary>
    private static async Task RevokedAsync(HttpContext ctx)
    {
        if (!ctx.Request.Path.StartsWithSegments("/api"))
            await ctx.SignOutAsync(IdentityConstants.ApplicationScheme);
        ctx.User = new ClaimsPrincipal(new ClaimsIdentity());
    }

    private static void NotFound(HttpContext ctx) =>
        // API answers get a problem-details body from the status-code pages; the portal shows its 404 page.
        ctx.Response.StatusCode = StatusCodes.Status404NotFound;
}
