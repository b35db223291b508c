using System.Diagnostics;
using System.Linq.Expressions;
using System.Net;
using System.Net.Sockets;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.States;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
using MimeKit;
using VendorPortal.Tests.Infrastructure;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Demo;
using VendorPortal.Web.Features.Training;
using VendorPortal.Web.Features.Users;
using VendorPortal.Web.Hosting;
using VendorPortal.Web.Shared;

namespace VendorPortal.BrowserTests;

/// <summary>
/// The real app on Kestrel, on a free loopback port, with a fresh SQLite file and the demo data,
/// driven by the system Chromium.
/// </summary>
public sealed class PortalApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string Password = DemoSeeder.Password;

    private readonly string data = Path.Combine(Path.GetTempPath(), $"vp-browser-{Guid.NewGuid():N}");
    // Chosen before the host starts, so the links in the app's e-mails (Mail:PublicBaseUrl) point at this very app.
    private readonly int port = FreePort();
    private IPlaywright? playwright;

    /// <summary>
    /// Chromium's address-bar pop-ups are web pages of their own, loaded in a renderer for every browser context: 1.4 s
    /// of processor per context (measured), for a bar a headless test never shows. Chromium keeps only the last
    /// --disable-features switch, so this one repeats the Chromium features Playwright 1.64 disables with its own.
    /// </summary>
    private const string DisabledFeatures = "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,"
        + "AvoidUnnecessaryBeforeUnloadCheckSync,DestroyProfileOnBrowserClose,DialMediaRouteProvider,GlobalMediaControls,HttpsUpgrades,"
        + "LensOverlay,MediaRouter,PaintHolding,ThirdPartyStoragePartitioning,BlockOriginHeaderModificationOnRedirect,"
        + "AvoidCorsURLLoaderRestartOnRedirect,Translate,AutoDeElevate,OptimizationHints,NetworkTimeServiceQuerying,AimEnabled";

    public string BaseUrl => $"http://127.0.0.1:{port}";
    /// <summary>Where the app drops its e-mails as .eml files (Mail:Mode Pickup).</summary>
    public string MailFolder => Path.Combine(data, "mail");
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotFolder { get; } = Path.Combine(Path.GetTempPath(), "vendorportal-screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(DataFolder.EnvironmentVariable, data);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("LoginRateLimit:PermitsPerMinute", "1000");
        builder.UseSetting("Mail:Mode", "Pickup");
        builder.UseSetting("Mail:PublicBaseUrl", BaseUrl);
        // No date in a test comes from the machine: the app runs on the same pinned clock as the HTTP tests' hosts.
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new PinnedClock());
        });
    }

    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>Today (at midnight) on the app's clock in the given zone, e.g. "Asia/Shanghai" for tenant demo.</summary>
    public DateTime Today(string zone) => TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById(zone)).Date;

    public async Task InitializeAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        StartServer();
        // The app listens before its database is prepared; the browser starts once it is.
        await Services.GetRequiredService<DatabaseStartup>().Ready.WaitAsync(TimeSpan.FromMinutes(5));
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", DisabledFeatures],
        });
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        playwright?.Dispose();
        await DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(data, recursive: true);
    }

    public async Task<IPage> NewPageAsync(BrowserNewContextOptions? options = null)
    {
        var context = await NewContextAsync(options ?? new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            ViewportSize = new ViewportSize { Width = 1366, Height = 900 },
            Locale = "en-US",
        });
        return await context.NewPageAsync();
    }

    /// <summary>Every browser context of the tests: its pages' JavaScript clock starts at the app's instant, not the machine's.</summary>
    public async Task<IBrowserContext> NewContextAsync(BrowserNewContextOptions options)
    {
        var context = await Browser.NewContextAsync(options);
        await context.Clock.InstallAsync(new ClockInstallOptions { TimeDate = Now.UtcDateTime });
        return context;
    }

    /// <summary>Signs in through the sign-in page, as the person would, in a browser of the given size (desktop by default).</summary>
    public async Task<IPage> SignInAsync(string email, BrowserNewContextOptions? options = null)
    {
        var page = await NewPageAsync(options);
        await page.GotoAsync(Pages.Login);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForPageAsync(url => !url.Contains(Pages.Login, StringComparison.Ordinal));
        return page;
    }

    /// <summary>An API client signed in with a bearer token, for setting up what a test then does in the browser.</summary>
    public async Task<HttpClient> ApiClientAsync(string email)
    {
        var client = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        using var login = await client.SendAsync(ApiRoutes.Auth.Login, new { email, password = Password });
        login.EnsureSuccessStatusCode();
        var token = (string)(await login.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!;
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public async Task<Guid> VendorIdAsync(string tenantSlug, string vendorName)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == tenantSlug);
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "browser-test"));
        return await db.Vendors.Where(v => v.Name == vendorName).Select(v => v.Id).SingleAsync();
    }

    public async Task<Guid> AgentIdAsync(string tenantSlug, string externalRef)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == tenantSlug);
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "browser-test"));
        return await db.Agents.Where(a => a.ExternalRef == externalRef).Select(a => a.Id).SingleAsync();
    }

    /// <summary>Schedules a training session through the app's own operation, starting some days from today (tenant time).</summary>
    public async Task<Guid> ScheduleSessionAsync(string tenantSlug, string title, int daysAhead, int startHour, string[] skills, int capacity)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == tenantSlug);
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "browser-test"));
        var training = scope.ServiceProvider.GetRequiredService<TrainingOperations>();
        var day = TenantTime.ToLocal(Now, await db.TenantZoneAsync(default)).Date.AddDays(daysAhead);
        var session = await training.CreateAsync(new TrainingSessionInput
        {
            Title = title, Skills = [.. skills], StartsAtLocal = day.AddHours(startHour), EndsAtLocal = day.AddHours(startHour + 2), Capacity = capacity,
        }, default);
        return session.Id;
    }

    /// <summary>The link the invitation e-mail carries, made by the app's own protector.</summary>
    public async Task<string> InvitationLinkAsync(string tenantSlug, string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var tenant = await db.Tenants.SingleAsync(t => t.Slug == tenantSlug);
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "browser-test"));
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        var token = scope.ServiceProvider.GetRequiredService<InvitationOperations>().TokenFor(invitation);
        return $"{Pages.AcceptInvitation}?token={Uri.EscapeDataString(token)}";
    }

    /// <summary>The unsubscribe page of a person's e-mails of one category, with a token made by the app's own protector.</summary>
    public async Task<string> UnsubscribePathAsync(string email, VendorPortal.Web.Features.Notifications.NotificationCategory category)
    {
        await using var scope = Services.CreateAsyncScope();
        var userId = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
        return Pages.Unsubscribe(scope.ServiceProvider.GetRequiredService<VendorPortal.Web.Features.Notifications.UnsubscribeLinks>().Token(userId, category));
    }

    /// <summary>Runs a background job as Hangfire runs it (enqueued, picked up by the app's job server) and waits for it to succeed.</summary>
    public async Task RunJobAsync<T>(Expression<Func<T, Task>> job)
    {
        var id = Services.GetRequiredService<IBackgroundJobClient>().Enqueue(job);
        var monitor = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var latest = monitor.JobDetails(id)?.History.FirstOrDefault();
            if (latest?.StateName == SucceededState.StateName) return;
            if (latest?.StateName == FailedState.StateName || latest?.StateName == DeletedState.StateName)
                Assert.Fail($"Job {id} ended {latest.StateName}: {(latest.Data.TryGetValue("ExceptionMessage", out var message) ? message : "")}");
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"Job {id} did not finish within 30 s (state {latest?.StateName}).");
            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the e-mail to <paramref name="to"/> that matches, as the app wrote it to the pickup folder.</summary>
    public async Task<MimeMessage> WaitForMailAsync(string to, Func<MimeMessage, bool> matches)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (Directory.Exists(MailFolder))
                foreach (var file in Directory.GetFiles(MailFolder, "*.eml").Order(StringComparer.Ordinal))
                {
                    var message = await MimeMessage.LoadAsync(file);
                    if (message.To.Mailboxes.Any(m => string.Equals(m.Address, to, StringComparison.OrdinalIgnoreCase)) && matches(message))
                        return message;
                }
            if (clock.Elapsed > TimeSpan.FromSeconds(30)) Assert.Fail($"No matching e-mail to {to} in {MailFolder} within 30 s.");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task ScreenshotAsync(IPage page, string name)
    {
        Directory.CreateDirectory(ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }
}

[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PortalApp>
{
    public const string Name = "portal";
}
