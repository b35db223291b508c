using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace VendorPortal.Web.Features.Identity;

/// <summary>
/// Identity's tokens (password reset) on the app's clock: the payload is issued-at, user, security stamp and
/// purpose, protected so it cannot be forged. Identity's own DataProtectorTokenProvider reads the machine's
/// clock instead. Using the token renews the stamp, so a token works once.
/// </summary>
public sealed class ClockedTokenProvider(IDataProtectionProvider protection, TimeProvider clock) : IUserTwoFactorTokenProvider<User>
{
    public const string Name = "Clocked";
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private IDataProtector Protector => protection.CreateProtector("VendorPortal.UserTokens.v1");

    public async Task<string> GenerateAsync(string purpose, UserManager<User> manager, User user)
    {
        var stamp = await manager.GetSecurityStampAsync(user);
        var payload = string.Join('|', clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), user.Id.ToString("N"), stamp, purpose);
        return WebEncoders.Base64UrlEncode(Protector.Protect(Encoding.UTF8.GetBytes(payload)));
    }

    public async Task<bool> ValidateAsync(string purpose, string token, UserManager<User> manager, User user)
    {
        if (Read(token) is not { } t || t.UserId != user.Id || t.Purpose != purpose) return false;
        var now = clock.GetUtcNow();
        if (t.IssuedAt > now + TimeSpan.FromMinutes(5) || now - t.IssuedAt > Lifetime) return false;
        return t.Stamp == await manager.GetSecurityStampAsync(user);
    }

    /// <summary>True when the token is one of ours for this user, whether or not it is still valid.</summary>
    public bool IsGenuineFor(string token, Guid userId) => Read(token)?.UserId == userId;

    public Task<bool> CanGenerateTwoFactorTokenAsync(UserManager<User> manager, User user) => Task.FromResult(false);

    private sealed record Payload(DateTimeOffset IssuedAt, Guid UserId, string Stamp, string Purpose);

    private Payload? Read(string token)
    {
        try
        {
            var parts = Encoding.UTF8.GetString(Protector.Unprotect(WebEncoders.Base64UrlDecode(token))).Split('|', 4);
            return new Payload(DateTimeOffset.FromUnixTimeSeconds(long.Parse(parts[0], CultureInfo.InvariantCulture)),
                Guid.Parse(parts[1]), parts[2], parts[3]);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or IndexOutOfRangeException or OverflowException or ArgumentException)
        {
            return null;
        }
    }
}
