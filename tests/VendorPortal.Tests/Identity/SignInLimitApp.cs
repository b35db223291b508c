using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Identity;
using VendorPortal.Web.Features.Users;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Tests.Identity;

/// <summary>
/// A host with the shipped sign-in limits (not the shared host's relaxed ones), a pinned clock the tests move,
/// one configured proxy, and the peer address of each request taken from a test header.
/// </summary>
public sealed partial class SignInLimitApp : IAsyncLifetime
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.0.0.5";
    public static readonly LoginRateLimitOptions Shipped = new();

    public SignInLimitApp() =>
        App = AppFactory.With(
            new Dictionary<string, string?>
            {
                ["LoginRateLimit:PermitsPerMinute"] = Shipped.PermitsPerMinute.ToString(CultureInfo.InvariantCulture),
                ["LoginRateLimit:FailuresPerAccountAndAddress"] = Shipped.FailuresPerAccountAndAddress.ToString(CultureInfo.InvariantCulture),
                ["LoginRateLimit:FailuresPerAccount"] = Shipped.FailuresPerAccount.ToString(CultureInfo.InvariantCulture),
                ["ForwardedHeaders:KnownProxies:0"] = Proxy,
            },
            services =>
            {
                services.RemoveAll<TimeProvider>();
                services.AddSingleton<TimeProvider>(Clock);
                services.AddSingleton<IStartupFilter, PeerFromHeader>();
            });

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero));

    public AppFactory App { get; }

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public Task DisposeAsync() => ((IAsyncLifetime)App).DisposeAsync();

    /// <summary>An anonymous client whose requests arrive from the given address, optionally carrying X-Forwarded-For.</summary>
    public HttpClient From(string peer, string? forwardedFor = null)
    {
        var client = App.Anonymous();
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    /// <summary>People with a password and no tenant yet, made straight through the user store (one hash for all: fast).</summary>
    public async Task<IReadOnlyList<string>> NewPeopleAsync(string purpose, int count)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var hash = users.PasswordHasher.HashPassword(new User(), People.GoodPassword);
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = People.NewEmail($"{purpose}{i}");
            var created = await users.CreateAsync(new User { UserName = email, Email = email, DisplayName = $"Agent {i}", PasswordHash = hash });
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            emails.Add(email);
        }
        return emails;
    }

    /// <summary>
    /// The invitation link's token, made by the app's own protector rather than read from the mail: this host's
    /// tests then need no background job (Hangfire's static state is shared by the hosts of one test process).
    /// </summary>
    public async Task<string> InvitationTokenAsync(string email)
    {
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == "demo");
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "sign-in-limit-test"));
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        return scope.ServiceProvider.GetRequiredService<InvitationOperations>().TokenFor(invitation);
    }

    public static Task<HttpResponseMessage> ApiLoginAsync(HttpClient client, string email, string password) =>
        client.SendAsync(ApiRoutes.Auth.Login, new { email, password });

    /// <summary>Posts a portal form the way a browser does: the page first, then the form with its antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, IEnumerable<KeyValuePair<string, string>> fields)
    {
        using var page = await client.GetAsync(path);
        await page.ShouldBe(HttpStatusCode.OK);
        var token = AntiforgeryField().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        return await client.PostAsync(path, new FormUrlEncodedContent([.. fields, new("__RequestVerificationToken", token)]));
    }

    public static Task<HttpResponseMessage> PortalLoginAsync(HttpClient client, string email, string password) =>
        PostFormAsync(client, Pages.Login, [new("Input.Email", email), new("Input.Password", password)]);

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    /// <summary>TestServer has no peer address: this sets it, first in the pipeline, before the forwarded headers are read.</summary>
    private sealed class PeerFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((ctx, nextMiddleware) =>
            {
                if (ctx.Request.Headers.TryGetValue(PeerHeader, out var peer))
                    ctx.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                return nextMiddleware(ctx);
            });
            next(app);
        };
    }
}
