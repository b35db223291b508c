// The one in-process host the HTTP tests share: the real app on a real SQLite file in a fresh temp data
// folder, migrated at start-up and seeded with the demo data of the public contract.
//
// SQL Server: set the environment variable VENDORPORTAL_TEST_SQLSERVER to a connection string for a server
// you can create databases on, e.g.
//   VENDORPORTAL_TEST_SQLSERVER="Server=localhost,1433;User Id=sa;Password=...;TrustServerCertificate=True" dotnet test
// The fixture then runs the app with Database:Provider=SqlServer on a database of its own, vp_test_<guid>,
// which it creates empty before start-up (so Hangfire's storage and the migrations find it) and drops on dispose.
// The database name in the variable is ignored; the rest of the connection string is used as given.
using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Runtime.CompilerServices;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
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
    public const string SqlServerVariable = "VENDORPORTAL_TEST_SQLSERVER";
    public const string Password = DemoSeeder.Password;

    private readonly IReadOnlyDictionary<string, string?> overrides;
    private readonly Action<IServiceCollection>? replaceServices;
    private readonly string? sqlServerConnectionString;
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> tokens = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lazy<Task<DemoData>> demo;
    private static readonly ConditionalWeakTable<HttpClient, AppFactory> ClientApps = [];

    public AppFactory() : this(new Dictionary<string, string?>(), null)
    {
    }

    private AppFactory(IReadOnlyDictionary<string, string?> overrides, Action<IServiceCollection>? replaceServices)
    {
        this.overrides = overrides;
        this.replaceServices = replaceServices;
        DataFolder = Path.Combine(Path.GetTempPath(), "vp-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataFolder);
        if (Environment.GetEnvironmentVariable(SqlServerVariable) is { Length: > 0 } server)
            sqlServerConnectionString = new SqlConnectionStringBuilder(server) { InitialCatalog = $"vp_test_{Guid.NewGuid():N}" }.ConnectionString;
        demo = new Lazy<Task<DemoData>>(() => DemoData.LoadAsync(this));
    }

    public static AppFactory WithSettings(IReadOnlyDictionary<string, string?> settings) => new(settings, null);

    public static AppFactory WithServices(Action<IServiceCollection> replace) => new(new Dictionary<string, string?>(), replace);

    public static AppFactory With(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection> replace) => new(settings, replace);

    public string DataFolder { get; }
    public string MailFolder => Path.Combine(DataFolder, "mail");
    public bool IsSqlServer => sqlServerConnectionString is not null;

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
        if (sqlServerConnectionString is not null)
        {
            builder.UseSetting("Database:Provider", "SqlServer");
            builder.UseSetting("Database:ConnectionString", sqlServerConnectionString);
        }
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
        if (sqlServerConnectionString is not null)
            await OnSqlServerMasterAsync("CREATE DATABASE [{0}]");
        _ = Server;
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        // Only this host's pools: another host of the suite may still be running.
        using (var sqlite = new SqliteConnection(Database.SqliteConnectionString(new DatabaseOptions(), new DataFolder(DataFolder))))
            SqliteConnection.ClearPool(sqlite);
        if (sqlServerConnectionString is not null)
        {
            using (var sql = new SqlConnection(sqlServerConnectionString))
                SqlConnection.ClearPool(sql);
            await OnSqlServerMasterAsync("IF DB_ID('{0}') IS NOT NULL BEGIN ALTER DATABASE [{0}] SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE [{0}]; END");
        }
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background thread only leaves a temp folder behind.
        }
    }

    private async Task OnSqlServerMasterAsync(string sqlFormat)
    {
        var target = new SqlConnectionStringBuilder(sqlServerConnectionString);
        var master = new SqlConnectionStringBuilder(sqlServerConnectionString) { InitialCatalog = "master" };
        await using var connection = new SqlConnection(master.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = string.Format(System.Globalization.CultureInfo.InvariantCulture, sqlFormat, target.InitialCatalog);
        await command.ExecuteNonQueryAsync();
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
