using System.Text.RegularExpressions;
using MimeKit;

namespace VendorPortal.Tests.Identity;

[Collection(AppCollection.Name)]
public sealed partial class PasswordResetTests(AppFactory app)
{
    private const string NewPassword = "amber-orchard-compass-77";

    public static async Task<string> ResetTokenAsync(AppFactory app, string email, int count = 1)
    {
        var mail = await app.WaitForMailToAsync(email, IsReset);
        for (var waited = 0; mail.Count < count && waited < 200; waited++)
        {
            await Task.Delay(100);
            mail = await app.WaitForMailToAsync(email, IsReset);
        }
        return TokenIn(mail.OrderBy(m => m.Date).ThenBy(m => m.MessageId).Last());
    }

    private static bool IsReset(MimeMessage m) => ResetLink().IsMatch(m.TextBody ?? "");

    public static string TokenIn(MimeMessage message)
    {
        var match = ResetLink().Match(message.TextBody ?? "");
        Assert.True(match.Success, $"No reset link in the mail: {message.TextBody}");
        return Uri.UnescapeDataString(match.Groups["token"].Value);
    }

    [Fact]
    public async Task Reset_by_mail_sets_the_new_password_and_ends_every_sign_in()
    {
        var email = await app.NewMemberAsync("reset");
        var tokens = await app.TokensAsync(email, People.GoodPassword);
        using var portal = await app.PortalSignInAsync(email, People.GoodPassword);

        using var anonymous = app.Anonymous();
        using (var asked = await anonymous.SendAsync(ApiRoutes.Auth.ForgotPassword, new { email }))
            await asked.ShouldBe(HttpStatusCode.Accepted);
        var token = await ResetTokenAsync(app, email);

        using (var weak = await anonymous.SendAsync(ApiRoutes.Auth.ResetPassword, new { email, token, newPassword = "short" }))
            await weak.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        using (var reset = await anonymous.SendAsync(ApiRoutes.Auth.ResetPassword, new { email, token, newPassword = NewPassword }))
            await reset.ShouldBe(HttpStatusCode.NoContent);

        using (var bearer = app.BearerClient(tokens.Access))
        using (var refused = await bearer.SendAsync(ApiRoutes.Demo.Events.List))
            await refused.ShouldBeProblem(HttpStatusCode.Unauthorized);
        using (var refresh = await app.RefreshAsync(tokens.Refresh))
            await refresh.ShouldBeProblem(HttpStatusCode.Unauthorized);
        using (var page = await portal.GetAsync(Pages.Demo.Events))
            Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);

        using (var old = await anonymous.SendAsync(ApiRoutes.Auth.Login, new { email, password = People.GoodPassword }))
            await old.ShouldBeProblem(HttpStatusCode.Unauthorized);
        await app.TokensAsync(email, NewPassword);
        // The link works once.
        using var again = await anonymous.SendAsync(ApiRoutes.Auth.ResetPassword, new { email, token, newPassword = "another-fine-phrase-88" });
        await again.ShouldBeProblem(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_for_unknown_addresses_and_refuses_forged_tokens()
    {
        var unknown = People.NewEmail("nobody");
        using var anonymous = app.Anonymous();
        using (var asked = await anonymous.SendAsync(ApiRoutes.Auth.ForgotPassword, new { email = unknown }))
            await asked.ShouldBe(HttpStatusCode.Accepted);
        using (var forged = await anonymous.SendAsync(ApiRoutes.Auth.ResetPassword, new { email = unknown, token = "forged", newPassword = NewPassword }))
            await forged.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);

        // Another account's genuine token does not open this one.
        var first = await app.NewMemberAsync("victim");
        var second = await app.NewMemberAsync("attacker");
        using (var asked = await anonymous.SendAsync(ApiRoutes.Auth.ForgotPassword, new { email = second }))
            await asked.ShouldBe(HttpStatusCode.Accepted);
        var token = await ResetTokenAsync(app, second);
        using (var stolen = await anonymous.SendAsync(ApiRoutes.Auth.ResetPassword, new { email = first, token, newPassword = NewPassword }))
            await stolen.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        await app.TokensAsync(first, People.GoodPassword);
        Assert.Empty(await app.MailToAsync(unknown));
    }

    [Fact]
    public async Task Portal_forgot_and_reset_pages_work_in_the_users_language()
    {
        var email = People.NewEmail("zhreset");
        await app.InviteAsync(email, language: "zh-CN");
        using (var accepted = await app.AcceptAsync(await app.InvitationTokenAsync(email), People.GoodPassword))
            await accepted.ShouldBe(HttpStatusCode.OK);
        using var signedIn = await app.PortalSignInAsync(email, People.GoodPassword);

        using var browser = app.Anonymous();
        Assert.Contains(Pages.ForgotPassword, await browser.GetStringAsync(Pages.Login));
        using (var asked = await browser.PostFormAsync(Pages.ForgotPassword, null, [new("Email", email)]))
        {
            await asked.ShouldBe(HttpStatusCode.OK);
            Assert.Contains("id=\"reset-sent\"", await asked.Content.ReadAsStringAsync());
        }
        var mail = (await app.WaitForMailToAsync(email, m => (m.Subject ?? "").Contains("密码", StringComparison.Ordinal))).Single();
        var token = TokenIn(mail);

        var path = $"{Pages.ResetPassword}?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
        using (var mismatch = await browser.PostFormAsync(path, null,
                   [new("Input.Email", email), new("Input.Token", token), new("Input.NewPassword", NewPassword), new("Input.ConfirmPassword", "something-else-entirely")]))
            await mismatch.ShouldBe(HttpStatusCode.OK);
        using (var reset = await browser.PostFormAsync(path, null,
                   [new("Input.Email", email), new("Input.Token", token), new("Input.NewPassword", NewPassword), new("Input.ConfirmPassword", NewPassword)]))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
            Assert.Equal(Pages.Login, reset.Headers.Location!.OriginalString);
        }
        using (var ended = await signedIn.GetAsync(Pages.Demo.Events))
            Assert.Equal(HttpStatusCode.Redirect, ended.StatusCode);
        using var withNew = await app.PortalSignInAsync(email, NewPassword);
        using var page = await withNew.GetAsync(Pages.Demo.Events);
        await page.ShouldBe(HttpStatusCode.OK);
    }

    [GeneratedRegex(@"/account/reset-password\?email=[^&\s]+&token=(?<token>[^\s""<]+)")]
    private static partial Regex ResetLink();
}
