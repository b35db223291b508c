using System.Net.Http.Headers;

namespace VendorPortal.Tests.Identity;

[Collection(AppCollection.Name)]
public sealed class TokenLifetimeTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Access_token_expires_after_an_hour_and_the_refresh_token_still_renews_it()
    {
        using var client = clocked.App.Anonymous();
        using var login = await client.SendAsync(ApiRoutes.Auth.Login, new { email = DemoData.Planner, password = AppFactory.Password });
        var tokens = await login.ReadObjectAsync();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)tokens["accessToken"]!);

        clocked.Clock.Advance(TimeSpan.FromMinutes(59));
        using (var stillValid = await client.SendAsync(ApiRoutes.Me))
            await stillValid.ShouldBe(HttpStatusCode.OK);

        clocked.Clock.Advance(TimeSpan.FromMinutes(2));
        using (var expired = await client.SendAsync(ApiRoutes.Me))
            await expired.ShouldBeProblem(HttpStatusCode.Unauthorized);

        using var refresh = await client.SendAsync(ApiRoutes.Auth.Refresh, new { refreshToken = (string)tokens["refreshToken"]! });
        await refresh.ShouldBe(HttpStatusCode.OK);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (string)(await refresh.ReadObjectAsync())["accessToken"]!);
        using var renewed = await client.SendAsync(ApiRoutes.Me);
        await renewed.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_token_expires_after_fourteen_days()
    {
        using var client = clocked.App.Anonymous();
        using var login = await client.SendAsync(ApiRoutes.Auth.Login, new { email = DemoData.Finance, password = AppFactory.Password });
        var refreshToken = (string)(await login.ReadObjectAsync())["refreshToken"]!;

        clocked.Clock.Advance(TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        using var refresh = await client.SendAsync(ApiRoutes.Auth.Refresh, new { refreshToken });
        await refresh.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_key_use_and_audit_entries_are_stamped_with_the_apps_clock()
    {
        var demo = await clocked.App.Demo;
        using var admin = await clocked.App.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create,
            new { name = $"clocked {Guid.NewGuid():N}", role = "VendorManager", vendorId = demo.ApexInDemo });
        var key = await created.ReadObjectAsync();
        var id = (string)key["key"]!["id"]!;

        clocked.Clock.Advance(TimeSpan.FromMinutes(30));
        var usedAt = clocked.Clock.GetUtcNow();
        using (var keyClient = clocked.App.ApiKeyClient((string)key["plainTextKey"]!))
        using (var used = await keyClient.SendAsync(ApiRoutes.Demo.Vendors.List))
            await used.ShouldBe(HttpStatusCode.OK);

        var page = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ApiKeys.List.Query("pageSize=200"));
        var listed = page!["items"]!.AsArray().Single(k => (string?)k!["id"] == id)!;
        Assert.Equal(usedAt, DateTimeOffset.Parse((string)listed["lastUsedAt"]!, System.Globalization.CultureInfo.InvariantCulture));

        var audit = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query($"entityType=ApiKey&entityId={id}"));
        var at = DateTimeOffset.Parse((string)audit!["items"]![0]!["at"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(usedAt - TimeSpan.FromMinutes(30), at);
    }
}
