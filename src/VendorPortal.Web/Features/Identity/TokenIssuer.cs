using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace VendorPortal.Web.Features.Identity;

public sealed record TokenResponse(string AccessToken, long ExpiresIn, string RefreshToken, string TokenType = "Bearer");

/// <summary>Issues and refreshes the API's bearer tokens with the framework's own protectors.</summary>
public sealed class TokenIssuer(
    IOptionsMonitor<BearerTokenOptions> bearer,
    SignInManager<User> signIn,
    TimeProvider clock)
{
    private BearerTokenOptions Options => bearer.Get(IdentityConstants.BearerScheme);

    public async Task<TokenResponse> IssueAsync(User user)
    {
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var now = clock.GetUtcNow();
        var o = Options;
        var access = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + o.BearerTokenExpiration }, IdentityConstants.BearerScheme);
        var refresh = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = now + o.RefreshTokenExpiration }, $"{IdentityConstants.BearerScheme}:refresh");
        return new TokenResponse(
            o.BearerTokenProtector.Protect(access),
            (long)o.BearerTokenExpiration.TotalSeconds,
            o.RefreshTokenProtector.Protect(refresh));
    }

    /// <summary>Returns the user of a valid refresh token whose security stamp still matches, else null.</summary>
    public async Task<User?> RedeemAsync(string refreshToken)
    {
        var ticket = Options.RefreshTokenProtector.Unprotect(refreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expires || expires <= clock.GetUtcNow()) return null;
        return await signIn.ValidateSecurityStampAsync(ticket.Principal);
    }
}
