using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.SqlServer;

namespace VendorPortal.Web.Hosting;

public static class Jobs
{
    public static IServiceCollection AddJobs(this IServiceCollection services, IConfiguration configuration)
    {
        // Hangfire keeps its storage, job activator and log provider in process-wide statics, set by whichever host
        // configured it last; several hosts share a process in the tests. Each host therefore registers its own
        // storage and activator, and logs through a provider that outlives a stopped host's logger factory.
        // This storage never connects when made (the dashboard is mapped before the database may be up): the start-up
        // creates its tables once the database is reachable.
        var database = DatabaseOptions.From(configuration);
        services.AddSingleton(_ => CreateStorage(database, prepareSchema: false));
        services.AddSingleton<JobActivator>(sp => new Hangfire.AspNetCore.AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, cfg) =>
        {
            cfg.SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseStorage(sp.GetRequiredService<JobStorage>())
                .UseActivator(sp.GetRequiredService<JobActivator>())
                .UseLogProvider(new JobLog(sp.GetRequiredService<ILoggerFactory>()));
            // Bounded retries: an alert hours late is worse than one that failed loudly.
            cfg.UseFilter(new AutomaticRetryAttribute { Attempts = 3, DelaysInSeconds = [15, 60, 300] });
        });
        services.AddHangfireServer(o =>
        {
            o.WorkerCount = Math.Max(2, Environment.ProcessorCount);
            o.SchedulePollingInterval = TimeSpan.FromSeconds(5);
        });
        var server = services.Last(d => d.ServiceType == typeof(IHostedService));
        services.Remove(server);
        // Webhook deliveries wait on other systems' receivers (up to the timeout each), so they have workers of their own:
        // a hanging receiver never holds the workers that scan alerts or send e-mail.
        services.AddHangfireServer(o =>
        {
            o.ServerName = $"{Environment.MachineName}:webhooks:{Guid.NewGuid():N}";
            o.Queues = [Features.Webhooks.SendWebhook.Queue];
            o.WorkerCount = 20;
            o.SchedulePollingInterval = TimeSpan.FromSeconds(1);
        });
        var webhookServer = services.Last(d => d.ServiceType == typeof(IHostedService));
        services.Remove(webhookServer);
        // The servers are Hangfire's own hosted services, started by the start-up once the storage exists, not with the host.
        services.AddSingleton(new JobServer([server.ImplementationFactory!, webhookServer.ImplementationFactory!]));
        services.AddScoped<TenantJobScope>();
        return services;
    }

    /// <summary>Creates or upgrades the job storage's tables: a storage made for just that, which connects as it is made.</summary>
    public static void PrepareSchema(DatabaseOptions database) => _ = CreateStorage(database, prepareSchema: true);

    private static JobStorage CreateStorage(DatabaseOptions database, bool prepareSchema) => database.Kind switch
    {
        DatabaseProvider.SqlServer => new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions { PrepareSchemaIfNecessary = prepareSchema }),
        // Long polling: a waiting worker hears a new job through LISTEN/NOTIFY at once instead of polling the queue every
        // 15 s, so an e-mail or webhook leaves as soon as it is queued. Each idle worker holds one pooled connection for it.
        DatabaseProvider.PostgreSql => new PostgreSqlStorage(
            new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString, new PostgreSqlStorageOptions()),
            new PostgreSqlStorageOptions { PrepareSchemaIfNecessary = prepareSchema, EnableLongPolling = true }),
        // Hangfire holds no business state, so in-memory storage only delays work after a restart.
        _ => new Hangfire.InMemory.InMemoryStorage(),
    };

    public static void ScheduleRecurringJobs(IServiceProvider services)
    {
        var recurring = services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<Features.Users.DispatchInvitationEmails>(
            Features.Users.DispatchInvitationEmails.Id, j => j.RunAsync(CancellationToken.None), "*/10 * * * *");
        recurring.AddOrUpdate<Features.Notifications.DispatchNotifications>(
            Features.Notifications.DispatchNotifications.Id, j => j.RunAsync(CancellationToken.None), "*/5 * * * *");
        // Hourly, so each tenant's first of the month is caught in its own time zone.
        recurring.AddOrUpdate<Features.Billing.DispatchMonthlyStatements>(
            Features.Billing.DispatchMonthlyStatements.Id, j => j.RunAsync(CancellationToken.None), "7 * * * *");
        recurring.AddOrUpdate<Features.Webhooks.DispatchWebhooks>(
            Features.Webhooks.DispatchWebhooks.Id, j => j.RunAsync(CancellationToken.None), "* * * * *");
        recurring.AddOrUpdate<Features.Alerts.DispatchAlerts>(
            Features.Alerts.DispatchAlerts.Id, j => j.RunAsync(CancellationToken.None), "*/15 * * * *");
    }

    public static void MapJobsDashboard(this WebApplication app) =>
        app.MapHangfireDashboardWithAuthorizationPolicy(Authentication.PlatformOperatorPolicy, "/hangfire",
            new DashboardOptions { AppPath = "/", DashboardTitle = "VendorPortal jobs" });
}

/// <summary>Hangfire's servers (the general one and the webhooks one) as its own registrations made them; absent on a host that runs no jobs.</summary>
public sealed class JobServer(IReadOnlyList<Func<IServiceProvider, object>> create)
{
    public IHostedService Create(IServiceProvider services) => new Servers([.. create.Select(c => (IHostedService)c(services))]);

    private sealed class Servers(IReadOnlyList<IHostedService> servers) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            foreach (var s in servers) await s.StartAsync(cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.WhenAll(servers.Select(s => s.StopAsync(cancellationToken)));
    }
}

/// <summary>
/// Rebuilds the access scope inside a job from the tenant id it was given, so a job sees and writes
/// exactly one tenant, as a request does.
/// </summary>
public sealed class TenantJobScope(AppDbContext db, AccessScopeAccessor accessor)
{
    /// <summary>The tenant entered, as read then (untracked): a job reads its settings from here rather than again.</summary>
    public Features.Tenants.Tenant? Tenant { get; private set; }

    public async Task<bool> EnterAsync(Guid tenantId, string job, CancellationToken ct = default)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleOrDefaultAsync(t => t.Id == tenantId, ct);
        if (tenant is null) return false;
        accessor.Set(AccessScope.System(tenant.Id, tenant.Slug, job));
        Tenant = tenant;
        return true;
    }
}

/// <summary>Hangfire's logging through the host's loggers; once that host has stopped, a line is dropped rather than failing a job.</summary>
internal sealed class JobLog(ILoggerFactory factory) : Hangfire.Logging.ILogProvider
{
    private readonly Hangfire.AspNetCore.AspNetCoreLogProvider inner = new(factory);

    public Hangfire.Logging.ILog GetLogger(string name)
    {
        try
        {
            return inner.GetLogger(name);
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Silent : Hangfire.Logging.ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
