namespace VendorPortal.Tests.Identity;

/// <summary>
/// Sign-in limits with the shipped settings: a call-center floor behind one address gets in, guessing does not.
/// Each test uses its own accounts and addresses; the clock only moves forward.
/// </summary>
// In the shared collection: its host then never starts at the same moment as the shared one.
[Collection(AppCollection.Name)]
public sealed class SignInLimitTests(SignInLimitApp host) : IClassFixture<SignInLimitApp>
{
    private static readonly int PerAddress = SignInLimitApp.Shipped.FailuresPerAccountAndAddress;
    private static readonly int FailureWindowSeconds = SignInLimitApp.Shipped.FailureWindowMinutes * 60;

    [Fact]
    public async Task Sixty_people_sign_in_from_one_address_within_a_minute()
    {
        var floor = await host.NewPeopleAsync("floor", 60);
        using var nat = host.From("203.0.113.10");
        var started = host.Clock.GetUtcNow();
        foreach (var email in floor)
        {
            using var response = await SignInLimitApp.ApiLoginAsync(nat, email, People.GoodPassword);
            await response.ShouldBe(HttpStatusCode.OK);
        }
        Assert.True(host.Clock.GetUtcNow() - started < TimeSpan.FromMinutes(1));
    }

    [Fact]
    public async Task Six_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused()
    {
        var email = (await host.NewPeopleAsync("lock", 1)).Single();
        using var client = host.From("203.0.113.20");
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            using var wrong = await SignInLimitApp.ApiLoginAsync(client, email, $"wrong-password-{attempt}");
            var problem = await wrong.ShouldBeProblem(HttpStatusCode.Unauthorized);
            Assert.Equal(attempt >= 5, problem.ToJsonString().Contains("locked", StringComparison.OrdinalIgnoreCase));
        }

        using var right = await SignInLimitApp.ApiLoginAsync(client, email, People.GoodPassword);
        var refused = await right.ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.Contains("locked", refused.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Failures_for_one_account_from_one_address_answer_429_with_the_seconds_left()
    {
        // An e-mail with no account: probing unknown e-mails is limited the same way (no lockout to lean on).
        var email = People.NewEmail("guessed");
        using var attacker = host.From("198.51.100.30");
        await FailAsync(attacker, email, PerAddress);

        using (var refused = await SignInLimitApp.ApiLoginAsync(attacker, email, "another-guess-1"))
        {
            await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromSeconds(FailureWindowSeconds), refused.Headers.RetryAfter?.Delta);
        }

        host.Clock.Advance(TimeSpan.FromMinutes(4));
        using (var later = await SignInLimitApp.ApiLoginAsync(attacker, email, "another-guess-2"))
        {
            await later.ShouldBeProblem(HttpStatusCode.TooManyRequests);
            Assert.Equal(TimeSpan.FromSeconds(FailureWindowSeconds - 240), later.Headers.RetryAfter?.Delta);
        }

        // The owner elsewhere is not shut out by one address's guessing.
        using (var elsewhere = host.From("192.0.2.31"))
        using (var owner = await SignInLimitApp.ApiLoginAsync(elsewhere, email, "the-owners-typo"))
            await owner.ShouldBeProblem(HttpStatusCode.Unauthorized);

        host.Clock.Advance(TimeSpan.FromSeconds(FailureWindowSeconds - 240));
        using var afterWindow = await SignInLimitApp.ApiLoginAsync(attacker, email, "another-guess-3");
        await afterWindow.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Failures_for_one_account_from_many_addresses_answer_429_from_any_address()
    {
        var email = People.NewEmail("distributed");
        var perAccount = SignInLimitApp.Shipped.FailuresPerAccount;
        for (var sent = 0; sent < perAccount; sent += PerAddress)
        {
            using var bot = host.From($"198.51.100.{40 + sent / PerAddress}");
            await FailAsync(bot, email, Math.Min(PerAddress, perAccount - sent));
        }

        using var fresh = host.From("192.0.2.99");
        using var refused = await SignInLimitApp.ApiLoginAsync(fresh, email, "one-more-guess");
        await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After seconds.");
    }

    private static readonly string[] PasswordEntries = ["api-login", "portal-login", "api-accept", "portal-accept"];
    public static TheoryData<string> PasswordEntryPoints => new(PasswordEntries);

    [Theory]
    [MemberData(nameof(PasswordEntryPoints))]
    public async Task Every_password_entry_point_refuses_an_account_past_its_failures(string entry)
    {
        var email = (await host.NewPeopleAsync($"entry-{entry}", 1)).Single();
        await host.App.InviteAsync(email);
        var token = await host.InvitationTokenAsync(email);
        var peer = $"198.51.100.{60 + Array.IndexOf(PasswordEntries, entry)}";
        using var client = host.From(peer);
        await FailAsync(client, email, PerAddress);

        // Even the right password: refused before it is checked.
        using var response = entry switch
        {
            "api-login" => await SignInLimitApp.ApiLoginAsync(client, email, People.GoodPassword),
            "portal-login" => await SignInLimitApp.PortalLoginAsync(client, email, People.GoodPassword),
            "api-accept" => await client.SendAsync(ApiRoutes.AcceptInvitation, new { token, displayName = "Agent", password = People.GoodPassword }),
            _ => await SignInLimitApp.PostFormAsync(client, $"{Pages.AcceptInvitation}?token={Uri.EscapeDataString(token)}", [new("Input.Password", People.GoodPassword)]),
        };
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(response.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without Retry-After seconds.");
        if (entry.StartsWith("api", StringComparison.Ordinal))
            await response.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        else
            Assert.Contains("Too many failed sign-ins for this account. Try again in", await response.Content.ReadAsStringAsync());
    }

    private static readonly string[] SignInPaths = [ApiRoutes.Auth.Login.Path, ApiRoutes.Auth.Refresh.Path, ApiRoutes.AcceptInvitation.Path, Pages.Login, Pages.AcceptInvitation];
    public static TheoryData<string> Entries => new(SignInPaths);

    [Theory]
    [MemberData(nameof(Entries))]
    public async Task Every_sign_in_entry_point_counts_against_the_ceiling_per_address(string path)
    {
        var kind = path.StartsWith("/api/", StringComparison.Ordinal) ? "api" : "portal";
        var index = Array.IndexOf(SignInPaths, path);
        var peer = $"198.51.100.{80 + index}";
        using var client = host.From(peer);
        // Cheap attempts (refused by validation or antiforgery): the ceiling counts every attempt, good or bad.
        for (var i = 0; i < SignInLimitApp.Shipped.PermitsPerMinute; i++)
        {
            using var attempt = await Attempt(client, path, kind);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, attempt.StatusCode);
        }

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        using var refused = await Attempt(client, path, kind);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(40), refused.Headers.RetryAfter?.Delta);
        if (kind == "api")
            await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
        else
            Assert.Contains("Too many sign-in attempts from your network. Try again in 40 seconds.", await refused.Content.ReadAsStringAsync());

        // Opening the page is not an attempt; another address is not affected.
        if (kind == "portal")
        {
            using var read = await client.GetAsync(Pages.Login);
            await read.ShouldBe(HttpStatusCode.OK);
        }
        using var other = host.From($"192.0.2.{80 + index}");
        using var otherAttempt = await Attempt(other, path, kind);
        Assert.NotEqual(HttpStatusCode.TooManyRequests, otherAttempt.StatusCode);
    }

    [Fact]
    public async Task X_Forwarded_For_from_an_untrusted_peer_is_ignored()
    {
        var email = People.NewEmail("spoofed");
        // Each attempt claims another client address; the peer is not a known proxy, so all count against the peer.
        for (var i = 0; i < PerAddress; i++)
        {
            using var spoofing = host.From("198.51.100.120", forwardedFor: $"203.0.113.{i + 1}");
            using var wrong = await SignInLimitApp.ApiLoginAsync(spoofing, email, $"guess-{i}");
            await wrong.ShouldBeProblem(HttpStatusCode.Unauthorized);
        }
        using var again = host.From("198.51.100.120", forwardedFor: "203.0.113.200");
        using var refused = await SignInLimitApp.ApiLoginAsync(again, email, "guess-again");
        await refused.ShouldBeProblem(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task X_Forwarded_For_from_a_configured_proxy_is_honoured()
    {
        var email = People.NewEmail("proxied");
        using var behindProxy = host.From(SignInLimitApp.Proxy, forwardedFor: "203.0.113.150");
        await FailAsync(behindProxy, email, PerAddress);

        using (var sameClient = await SignInLimitApp.ApiLoginAsync(behindProxy, email, "guess-again"))
            await sameClient.ShouldBeProblem(HttpStatusCode.TooManyRequests);

        // Another client behind the same proxy is another address.
        using var colleague = host.From(SignInLimitApp.Proxy, forwardedFor: "203.0.113.151");
        using var allowed = await SignInLimitApp.ApiLoginAsync(colleague, email, "colleagues-typo");
        await allowed.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    private static async Task FailAsync(HttpClient client, string email, int times)
    {
        for (var i = 0; i < times; i++)
        {
            using var wrong = await SignInLimitApp.ApiLoginAsync(client, email, $"wrong-guess-{i}");
            await wrong.ShouldBeProblem(HttpStatusCode.Unauthorized);
        }
    }

    private static Task<HttpResponseMessage> Attempt(HttpClient client, string path, string kind) => kind == "api"
        ? client.PostAsJsonAsync(path, new { })
        : client.PostAsync(path, new FormUrlEncodedContent([new("Input.Email", "x@people.test")]));
}
