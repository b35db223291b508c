using Hangfire;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using VendorPortal.Web.Features.Notifications;

namespace VendorPortal.Web.Features.Identity;

/// <summary>Self-service password reset, shared by the API and the portal.</summary>
public sealed class PasswordReset(UserManager<User> users, ClockedTokenProvider tokens, IBackgroundJobClient jobs)
{

    /// <summary>Sends a link if the e-mail has an account; says nothing either way.</summary>
    public async Task RequestAsync(string email)
    {
        if (await users.FindByEmailAsync(email.Trim()) is { } user)
            jobs.Enqueue<SendPasswordResetEmail>(j => j.RunAsync(user.Id, CancellationToken.None));
    }

    /// <summary>Sets the new password; the renewed security stamp signs the person out everywhere and spends the link.</summary>
    public async Task ResetAsync(string email, string token, string newPassword)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || !tokens.IsGenuineFor(token, user.Id)) throw new RuleViolation("token", IdentityRules.ResetLinkInvalid);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken)))
            throw new RuleViolation("token", IdentityRules.ResetLinkSpent, StatusCodes.Status410Gone);
        if (!result.Succeeded)
            throw new RuleViolation("newPassword", IdentityRules.PasswordRefused(result.Errors.Select(e => e.Description)));
        // Whoever can read the mailbox could reset anyway: a lockout from guessed passwords ends here.
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
    }
}

/// <summary>Mails a reset link in the person's language. The token is made here, so no secret sits in the job store.</summary>
public sealed class SendPasswordResetEmail(
    UserManager<User> users,
    Mailer mailer,
    IOptions<MailOptions> mail,
    IStringLocalizer<SharedResource> text)
{
    public async Task RunAsync(Guid userId, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId.ToString()) is not { Email: { } email } user) return;
        var token = await users.GeneratePasswordResetTokenAsync(user);
        using (new UiCulture(user.Language))
        {
            var link = $"{mail.Value.PublicBaseUrl.TrimEnd('/')}/account/reset-password?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
            var subject = text["Reset your VendorPortal password"];
            var body = text["Someone asked to reset the password of your VendorPortal account. Open this link within 2 hours to choose a new one; it works once. If it was not you, ignore this e-mail."];
            await mailer.SendAsync(MailLayout.Render(email, new MailContent(subject, subject, body)
            {
                Button = new(text["Choose a new password"], link),
            }, new MailFooter(text["This e-mail is about your VendorPortal account, so it is sent whatever your notification preferences."], [])), ct);
        }
    }
}
