using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace VendorPortal.Web.Features.Identity;

public static class PortalClaims
{
    public const string PlatformOperator = "vp:operator";
    public const string ApiKeyId = "vp:api_key";
    public const string TenantId = "vp:tenant";
    public const string TenantSlug = "vp:tenant_slug";
    public const string VendorId = "vp:vendor";
    public const string KeyRole = "vp:key_role";

    public static Guid? UserId(this ClaimsPrincipal principal) =>
        principal.FindFirstValue(PortalClaims.ApiKeyId) is null
        && Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    public static bool IsPlatformOperator(this ClaimsPrincipal principal) => principal.HasClaim(PlatformOperator, "true");
}

/// <summary>Adds the platform-operator flag to the signed-in principal; tenant roles are added per request.</summary>
public sealed class PortalClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("name", user.DisplayName));
        if (user.IsPlatformOperator)
            identity.AddClaim(new Claim(PortalClaims.PlatformOperator, "true"));
        return identity;
    }
}
