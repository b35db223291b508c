namespace VendorPortal.Tests.Identity;

[Collection(AppCollection.Name)]
public sealed class AuthenticationTests(AppFactory app)
{
    public static TheoryData<string> SignedInReads => new(ApiRoutes.Me.Path, ApiRoutes.Demo.Vendors.List.Path);

    [Theory]
    [MemberData(nameof(SignedInReads))]
    public async Task Unauthenticated_api_calls_get_401_problem_details_never_a_redirect(string path)
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync(path);
        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Forged_bearer_token_gets_401_problem_details()
    {
        using var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "CfDJ8forged-token");
        using var response = await client.SendAsync(ApiRoutes.Me);
        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Wrong_password_gets_401_problem_details()
    {
        using var client = app.Anonymous();
        using var response = await client.SendAsync(ApiRoutes.Auth.Login, new { email = "nobody@people.test", password = "whatever-it-is-42" });
        await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Login_returns_a_bearer_token_that_opens_the_api()
    {
        using var client = app.Anonymous();
        using var login = await client.SendAsync(ApiRoutes.Auth.Login, new { email = DemoData.Planner, password = AppFactory.Password });
        await login.ShouldBe(HttpStatusCode.OK);
        var tokens = await login.ReadObjectAsync();
        Assert.Equal(3600, (long)tokens["expiresIn"]!);
        Assert.False(string.IsNullOrEmpty((string?)tokens["refreshToken"]));

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (string)tokens["accessToken"]!);
        var me = await client.GetFromJsonAsync<JsonObject>(ApiRoutes.Me);
        Assert.Equal(DemoData.Planner, (string?)me!["email"]);
    }

    [Fact]
    public async Task Refresh_token_gives_a_new_working_access_token()
    {
        using var client = app.Anonymous();
        using var login = await client.SendAsync(ApiRoutes.Auth.Login, new { email = DemoData.Finance, password = AppFactory.Password });
        var first = await login.ReadObjectAsync();

        using var refresh = await client.SendAsync(ApiRoutes.Auth.Refresh, new { refreshToken = (string)first["refreshToken"]! });
        await refresh.ShouldBe(HttpStatusCode.OK);
        var second = await refresh.ReadObjectAsync();
        Assert.NotEqual((string?)first["accessToken"], (string?)second["accessToken"]);

        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", (string)second["accessToken"]!);
        var me = await client.GetFromJsonAsync<JsonObject>(ApiRoutes.Me);
        Assert.Equal(DemoData.Finance, (string?)me!["email"]);
    }

    [Fact]
    public async Task Access_token_is_not_accepted_as_a_refresh_token()
    {
        using var client = app.Anonymous();
        var access = await app.LoginAsync(DemoData.Finance);
        using var refresh = await client.SendAsync(ApiRoutes.Auth.Refresh, new { refreshToken = access });
        await refresh.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_lists_both_of_apexs_memberships()
    {
        var demo = await app.Demo;
        using var apex = await app.ClientFor(DemoData.Apex);
        var me = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Me);
        var memberships = me!["memberships"]!.AsArray()
            .Select(m => ((string?)m!["tenant"], (string?)m["role"], (string?)m["vendorId"], (string?)m["vendorName"]))
            .OrderBy(m => m.Item1).ToList();
        Assert.Equal(
            [("demo", "VendorManager", demo.ApexInDemo.ToString(), "Apex BPO"), ("sandbox", "VendorManager", demo.ApexInSandbox.ToString(), "Apex BPO")],
            memberships);
    }

    [Fact]
    public async Task Account_locks_after_five_wrong_passwords_and_then_refuses_the_right_one()
    {
        var email = await app.NewMemberAsync("lockout");
        using var client = app.Anonymous();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            using var wrong = await client.SendAsync(ApiRoutes.Auth.Login, new { email, password = $"wrong-password-{attempt}" });
            await wrong.ShouldBeProblem(HttpStatusCode.Unauthorized);
        }

        using var right = await client.SendAsync(ApiRoutes.Auth.Login, new { email, password = People.GoodPassword });
        var problem = await right.ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", problem.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }
}
