using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Web.Features.ApiKeys;

/// <summary>Accepts <c>X-Api-Key</c>: the key names its tenant, role and vendor; the tenant scope checks the route.</summary>
public sealed class ApiKeyAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    AppDbContext db,
    TimeProvider clock) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    private sealed record Found(ApiKey Key, string TenantSlug, bool Usable);

    // Platform code: the key is found before any tenant scope exists, by its unique prefix. In the same query:
    // a vendor key works only while its vendor is active, and a key made by a person only while that person
    // is still an enabled member of the tenant (a removed admin must not keep access through a key they saw).
    // Compiled once: each request runs the SQL without translating the LINQ again.
    private static readonly Func<AppDbContext, string, CancellationToken, Task<Found?>> KeyOf =
        EF.CompileAsyncQuery((AppDbContext db, string prefix, CancellationToken _) =>
            db.ApiKeys.IgnoreQueryFilters(new[] { AppDbContext.TenantFilter })
                .AsNoTracking()
                .Where(k => k.Prefix == prefix)
                .Select(k => new Found(
                    k,
                    db.Tenants.Where(t => t.Id == k.TenantId).Select(t => t.Slug).Single(),
                    (k.VendorId == null || db.Vendors.IgnoreQueryFilters(new[] { AppDbContext.TenantFilter, AppDbContext.VendorFilter })
                        .Any(v => v.Id == k.VendorId && v.TenantId == k.TenantId && v.Status == VendorStatus.Active))
                    && (k.CreatedByUserId == null || db.Memberships.IgnoreQueryFilters(new[] { AppDbContext.TenantFilter })
                        .Any(m => m.UserId == k.CreatedByUserId && m.TenantId == k.TenantId && m.DisabledAt == null))))
                .SingleOrDefault());

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(ApiKey.Header, out var values)) return AuthenticateResult.NoResult();
        var plain = values.ToString();
        if (ApiKey.PrefixOf(plain) is not { } prefix) return AuthenticateResult.Fail("Malformed API key.");

        var found = await KeyOf(db, prefix, Context.RequestAborted);
        var key = found?.Key;
        if (key is null || key.RevokedAt is not null || !key.Matches(plain))
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        if (!found!.Usable)
            return AuthenticateResult.Fail("The API key's vendor is inactive or its creator no longer belongs to the tenant.");

        var now = clock.GetUtcNow();
        if (key.LastUsedAt is null || now - key.LastUsedAt > LastUsedPrecision)
        {
            await db.ApiKeys.IgnoreQueryFilters([AppDbContext.TenantFilter])
                .Where(k => k.Id == key.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), Context.RequestAborted);
        }

        List<Claim> claims =
        [
            new(ClaimTypes.NameIdentifier, key.Id.ToString()),
            new(ClaimTypes.Name, $"api-key:{key.Name}"),
            new(PortalClaims.ApiKeyId, key.Id.ToString()),
            new(PortalClaims.TenantId, key.TenantId.ToString()),
            new(PortalClaims.TenantSlug, found.TenantSlug),
            new(PortalClaims.KeyRole, key.Role.ToString()),
        ];
        if (key.VendorId is { } vendorId) claims.Add(new(PortalClaims.VendorId, vendorId.ToString()));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
