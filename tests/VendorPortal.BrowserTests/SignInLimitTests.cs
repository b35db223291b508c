namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class SignInLimitTests(PortalApp app)
{
    [Fact]
    public async Task Sign_in_page_explains_the_wait_once_an_account_has_too_many_failures()
    {
        var page = await app.NewPageAsync();
        var email = $"guessed.{Guid.NewGuid():N}@people.test";
        await page.GotoAsync(Pages.Login);
        for (var attempt = 0; attempt <= new VendorPortal.Web.Hosting.LoginRateLimitOptions().FailuresPerAccountAndAddress; attempt++)
        {
            await page.FillAsync("#Input_Email", email);
            await page.FillAsync("#Input_Password", $"wrong-guess-{attempt}");
            await Task.WhenAll(page.WaitForResponseAsync(r => r.Url.Contains(Pages.Login, StringComparison.Ordinal) && r.Request.Method == "POST"), page.ClickAsync("#sign-in"));
        }

        var message = await page.InnerTextAsync("[role=alert]");
        Assert.Contains("Too many failed sign-ins for this account. Try again in 15 minutes.", message);
        Assert.True(await page.IsVisibleAsync("#sign-in"), "The form stays on the page.");
        await app.ScreenshotAsync(page, "en-login-too-many");
    }
}
