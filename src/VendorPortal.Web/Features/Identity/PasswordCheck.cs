using Microsoft.AspNetCore.Identity;

namespace VendorPortal.Web.Features.Identity;

/// <summary>
/// Every place that checks a password (API and portal sign-in, accepting an invitation into an existing
/// account) checks it here, so failures count per account and per account and address in one place.
/// Throws <see cref="TooManySignInAttempts"/> before checking once either count is used up.
/// </summary>
public sealed class PasswordCheck(
    UserManager<User> users, SignInManager<User> signIn, SignInLimiter limiter, IHttpContextAccessor http)
{
    public async Task<(User? User, SignInResult Result)> CheckAsync(string email, string password)
    {
        var address = http.HttpContext?.Connection.RemoteIpAddress;
        limiter.EnsureOpen(email, address);
        var user = await users.FindByEmailAsync(email.Trim());
        var result = user is null
            ? UnknownUser.CheckPassword(users, password)
            : await signIn.CheckPasswordSignInAsync(user, password, lockoutOnFailure: true);
        if (result.Succeeded) limiter.Succeeded(email, address);
        else limiter.Failed(email, address);
        return (user, result);
    }

    /// <summary>For a page that shows the refusal in its own form: the status and the seconds left.</summary>
    public static void Refuse(HttpResponse response, TooManySignInAttempts many)
    {
        response.StatusCode = StatusCodes.Status429TooManyRequests;
        response.Headers.RetryAfter = SignInLimiter.Seconds(many.RetryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
