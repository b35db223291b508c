using Microsoft.AspNetCore.Identity;

namespace VendorPortal.Web.Features.Identity;

/// <summary>
/// Spends the time of a password check when the e-mail has no account, so sign-in answers take as long
/// either way and do not reveal which e-mails are registered.
/// </summary>
public static class UnknownUser
{
    private static readonly Lazy<string> Hash = new(() => new PasswordHasher<User>().HashPassword(new User(), Guid.NewGuid().ToString()));

    public static SignInResult CheckPassword(UserManager<User> users, string password)
    {
        users.PasswordHasher.VerifyHashedPassword(new User(), Hash.Value, password);
        return SignInResult.Failed;
    }
}
