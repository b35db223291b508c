// The one in-process host the HTTP tests share: the real app on a real database (a SQLite file in a fresh temp data
// folder, or a server database of its own: see TestDatabase), migrated at start-up and seeded with the demo data of
// the public contract.
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VendorPortal.Web.Features.Demo;
using VendorPortal.Web.Features.Identity;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Tests.Infrastructure;

public sealed class AppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = DemoSeeder.Password;

    private readonly IReadOnlyDictionary<string, string?> overrides;
    private readonly Action<IServiceCollection>? replaceServices;
    private readonly TestDatabase database;
    /// <summary>A database the test made for several hosts (and drops itself), rather than this host's own.</summary>
    private readonly bool sharedDatabase;
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<Task<DemoData>> demo;
    private static readonly ConditionalWeakTable<HttpClient, AppFactory> ClientApps = [];

    public AppFactory() : this(new Dictionary<string, string?>(), null)
    {
    }

    private AppFactory(IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection>? replaceServices, TestDatabase? shared = null)
    {
        this.overrides = overrides;
        this.replaceServices = replaceServices;
        DataFolder = Path.Combine(Path.GetTempPath(), "vp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        sharedDatabase = shared is not null;
        database = shared ?? TestDatabase.ForSuite(DataFolder);
        demo = new Lazy<Task<DemoData>>(() => DemoData.LoadAsync(this));
    }

    public static AppFactory WithSettings(IReadOnlyDictionary<string, string?> settings) => new(settings, null);

    public static AppFactory WithServices(Action<IServiceCollection> replace) => new(new Dictionary<string, string?>(), replace);

    public static AppFactory With(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> replace) => new(settings, replace);

    /// <summary>
    /// A node on a database the test made and drops (several nodes may share it). It starts as a node does: listening
    /// at once, without waiting for its database; <see cref="Ready"/> tells when start-up has finished.
    /// </summary>
    public static AppFactory OnDatabase(TestDatabase database, IReadOnlyDictionary<string, string?> settings) => new(settings, null, database);

    public string DataFolder { get; }
    public string MailFolder => Path.Combine(DataFolder, "mail");
    public DatabaseProvider Provider => database.Provider;
    /// <summary>The server database's connection string; null on SQLite.</summary>
    public string? ConnectionString => database.ConnectionString;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("VENDORPORTAL_DATA", DataFolder);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Database:MigrateOnStartup", "true");
        builder.UseSetting("LoginRateLimit:PermitsPerMinute", "100000");
        builder.UseSetting("LoginRateLimit:FailuresPerAccountAndAddress", "100000");
        builder.UseSetting("LoginRateLimit:FailuresPerAccount", "100000");
        builder.UseSetting("Mail:Mode", "Pickup");
        foreach (var (key, value) in database.Settings)
            builder.UseSetting(key, value);
        foreach (var (key, value) in overrides)
            builder.UseSetting(key, value);
        // No date in a test comes from the machine; a host that moves time itself replaces this clock below.
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new PinnedClock());
        });
        if (replaceServices is not null)
            builder.ConfigureServices(replaceServices);
        builder.UseDefaultServiceProvider(o =>
        {
            o.ValidateScopes = true;
            o.ValidateOnBuild = true;
        });
    }

    public async Task InitializeAsync()
    {
        if (sharedDatabase)
        {
            _ = Server;
            return;
        }
        await database.CreateAsync();
        _ = Server;
        // The app listens before its database is prepared; the tests start once it is (a failed start-up throws here).
        await Ready.WaitAsync(TimeSpan.FromMinutes(5));
    }

    /// <summary>Completes when the app's start-up (migrations, job storage, demo data, job server) has finished.</summary>
    public Task Ready => Services.GetRequiredService<DatabaseStartup>().Ready;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        if (!sharedDatabase) await database.DropAsync();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background thread only leaves a temp folder behind.
        }
    }

    public Task<DemoData> Demo => demo.Value;

    /// <summary>The app's clock: every date a test computes comes from here, never from the machine.</summary>
    public TimeProvider Clock => Services.GetRequiredService<TimeProvider>();

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>Today's date on the app's clock in the given zone (an IANA id), e.g. "Asia/Shanghai" for tenant demo.</summary>
    public DateOnly Today(string zone = "UTC") =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById(zone)).DateTime);

    /// <summary>The app a client talks to, so helpers that only get the client still read that app's clock.</summary>
    public static AppFactory Of(HttpClient client) =>
        ClientApps.TryGetValue(client, out var app) ? app : throw new InvalidOperationException("This client was not made by an AppFactory.");

    public HttpClient Anonymous()
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        ClientApps.AddOrUpdate(client, this);
        return client;
    }

    public async Task<HttpClient> ClientFor(string email, string password = Password)
    {
        var now = Now;
        if (!tokens.TryGetValue(email, out var cached) || cached.Until <= now)
        {
            var login = await LoginResponseAsync(email, password);
            cached = ((string)login["accessToken"]!, now + TimeSpan.FromSeconds((long)login["expiresIn"]!) - TimeSpan.FromMinutes(5));
            tokens[email] = cached;
        }
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", cached.Token);
        return client;
    }

    public async Task<string> LoginAsync(string email, string password = Password) =>
        (string)(await LoginResponseAsync(email, password))["accessToken"]!;

    private async Task<JsonObject> LoginResponseAsync(string email, string password)
    {
        using var client = Anonymous();
        using var response = await client.SendAsync(ApiRoutes.Auth.Login, new { email, password });
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"Login of {email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.ReadObjectAsync();
    }

    public HttpClient ApiKeyClient(string plainTextKey)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("X-Api-Key", plainTextKey);
        return client;
    }

    /// <summary>
    /// A portal client: the same authentication cookie the portal's sign-in issues, minted by the app's own
    /// cookie protector, for pages outside /api (bearer tokens are only accepted under /api).
    /// </summary>
    public async Task<HttpClient> CookieClientFor(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<User>>();
        var signIn = scope.ServiceProvider.GetRequiredService<SignInManager<User>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No user {email}.");
        var principal = await signIn.CreateUserPrincipalAsync(user);
        var options = scope.ServiceProvider.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var ticket = new AuthenticationTicket(principal,
            new AuthenticationProperties { IssuedUtc = now, ExpiresUtc = now + options.ExpireTimeSpan },
            IdentityConstants.ApplicationScheme);
        var client = Anonymous();
        client.DefaultRequestHeaders.Add("Cookie", $"{options.Cookie.Name}={options.TicketDataFormat.Protect(ticket)}");
        return client;
    }
}
