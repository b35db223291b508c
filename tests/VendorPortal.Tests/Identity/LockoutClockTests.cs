namespace VendorPortal.Tests.Identity;

/// <summary>Lockout and the portal cookie keep the app's clock: they begin and end where every other lifetime does.</summary>
[Collection(AppCollection.Name)]
public sealed class LockoutClockTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private async Task<HttpStatusCode> SignInAsync(string email, string password)
    {
        using var client = clocked.App.Anonymous();
        using var response = await client.SendAsync(ApiRoutes.Auth.Login, new { email, password });
        return response.StatusCode;
    }

    private async Task<bool> ListedAsLockedOutAsync(string email)
    {
        using var admin = await clocked.App.ClientFor(DemoData.Admin);
        var users = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Users.List.Query("pageSize=200"), Json.Options);
        return (bool)users!["items"]!.AsArray().Single(u => (string?)u!["email"] == email)!["lockedOut"]!;
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_fifteen_minutes_of_the_apps_clock()
    {
        var email = await clocked.App.NewMemberAsync("clock-lockout");
        for (var attempt = 1; attempt <= 5; attempt++)
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(email, $"wrong-password-{attempt}"));

        using (var client = clocked.App.Anonymous())
        using (var locked = await client.SendAsync(ApiRoutes.Auth.Login, new { email, password = People.GoodPassword }))
            Assert.Contains("locked", (await locked.ShouldBeProblem(HttpStatusCode.Unauthorized)).ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(await ListedAsLockedOutAsync(email));

        clocked.Clock.Advance(TimeSpan.FromMinutes(14));
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInAsync(email, People.GoodPassword));
        Assert.True(await ListedAsLockedOutAsync(email));

        // Only the app's clock has moved past the quarter hour; the machine's has moved seconds.
        clocked.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.False(await ListedAsLockedOutAsync(email));
        Assert.Equal(HttpStatusCode.OK, await SignInAsync(email, People.GoodPassword));
    }

    [Fact]
    public async Task The_portal_cookie_expires_after_twelve_hours_of_the_apps_clock()
    {
        using var planner = await clocked.App.CookieClientFor(DemoData.Planner);
        using (var fresh = await planner.GetAsync(Pages.Demo.Home))
            Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);

        clocked.Clock.Advance(TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1));
        using var expired = await planner.GetAsync(Pages.Demo.Home);
        Assert.Equal(HttpStatusCode.Redirect, expired.StatusCode);
        Assert.Contains(Pages.Login, expired.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
