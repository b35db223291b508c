using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Playwright;
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
    private IPlaywright? playwright;

    public string BaseUrl { get; private set; } = "";
    public IBrowser Browser { get; private set; } = null!;
    public string ScreenshotFolder { get; } = Path.Combine(Path.GetTempPath(), "vendorportal-screenshots");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting(DataFolder.EnvironmentVariable, data);
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("LoginRateLimit:PermitsPerMinute", "1000");
        // No date in a test comes from the machine: the app runs on the same pinned clock as the HTTP tests' hosts.
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new PinnedClock());
        });
    }

    public DateTimeOffset Now => Services.GetRequiredService<TimeProvider>().GetUtcNow();

    /// <summary>Where the app writes the e-mails it sends (Mail:Mode Pickup, as in development).</summary>
    public string MailFolder => Path.Combine(data, "mail");

    /// <summary>Today (at midnight) on the app's clock in the given zone, e.g. "Asia/Shanghai" for tenant demo.</summary>
    public DateTime Today(string zone) => TimeZoneInfo.ConvertTime(Now, TimeZoneInfo.FindSystemTimeZoneById(zone)).Date;

    public async Task InitializeAsync()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        // The app listens before its database is prepared; the browser starts once it is.
        await Services.GetRequiredService<DatabaseStartup>().Ready.WaitAsync(TimeSpan.FromMinutes(5));
        BaseUrl = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Single().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
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

    public async Task<IPage> NewPageAsync()
    {
        var context = await NewContextAsync(new BrowserNewContextOptions
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

    public async Task<IPage> SignInAsync(string email)
    {
        var page = await NewPageAsync();
        await page.GotoAsync(Pages.Login);
        await page.FillAsync("#Input_Email", email);
        await page.FillAsync("#Input_Password", Password);
        await page.ClickAsync("#sign-in");
        await page.WaitForURLAsync(url => !url.Contains(Pages.Login, StringComparison.Ordinal));
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
