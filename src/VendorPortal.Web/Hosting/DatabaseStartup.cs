using System.Data.Common;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;

namespace VendorPortal.Web.Hosting;

/// <summary>
/// Everything the app needs from its database before it serves a request, done in the background so the app listens
/// at once: connect, migrate, create the job storage, seed the demo data, start the job server and schedule the
/// recurring jobs. While the server cannot be reached it says so once per attempt and tries again; until it is done,
/// requests that need the database answer 503 and /health/ready does too. On SQLite the first attempt succeeds.
/// </summary>
public sealed class DatabaseStartup(
    IServiceProvider services, IOptions<DatabaseOptions> database, DataFolder data, TimeProvider clock,
    IHostApplicationLifetime lifetime, ILogger<DatabaseStartup> log) : BackgroundService
{
    // Any constant, the same on every node: it names the one lock that migrations and seeding run under.
    private const string PostgreSqlLock = "SELECT pg_advisory_lock(5650535441525401)";
    private const string PostgreSqlUnlock = "SELECT pg_advisory_unlock(5650535441525401)";
    private const string SqlServerLock =
        "EXEC sp_getapplock @Resource = N'VendorPortal.Startup', @LockMode = N'Exclusive', @LockOwner = N'Session', @LockTimeout = -1";
    private const string SqlServerUnlock = "EXEC sp_releaseapplock @Resource = N'VendorPortal.Startup', @LockOwner = N'Session'";
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(10);

    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IHostedService? jobServer;

    /// <summary>Completes when the database and the job storage are ready; faults when start-up gave up.</summary>
    public Task Ready => ready.Task;

    public bool IsReady => ready.Task.IsCompletedSuccessfully;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var options = database.Value;
        var wait = FirstRetry;
        try
        {
            while (true)
            {
                try
                {
                    await PrepareAsync(options, stopping);
                    break;
                }
                catch (Exception e) when (DatabaseFaults.IsUnreachable(e) && !stopping.IsCancellationRequested)
                {
                    log.LogWarning("Database {Provider} at {Location} is not reachable ({Reason}); retrying in {Seconds} s",
                        options.Kind, Database.Location(options, data), e.GetBaseException().Message, wait.TotalSeconds);
                    await Task.Delay(wait, clock, stopping);
                    wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LastRetry.Ticks));
                }
            }
            jobServer = services.GetService<JobServer>()?.Create(services);
            if (jobServer is not null) await jobServer.StartAsync(stopping);
            Jobs.ScheduleRecurringJobs(services);
            ready.TrySetResult();
            log.LogInformation("Database {Provider} at {Location} is ready", options.Kind, Database.Location(options, data));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            ready.TrySetCanceled(stopping);
        }
        catch (Exception e)
        {
            // Not a fault of the moment (a wrong password, a failed migration): retrying cannot help, so the app stops.
            log.LogCritical("Start-up failed on database {Provider} at {Location}: {Reason}",
                options.Kind, Database.Location(options, data), e.GetBaseException().Message);
            log.LogDebug(e, "Start-up failure in full");
            ready.TrySetException(e);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        if (jobServer is not null)
        {
            await jobServer.StopAsync(cancellationToken);
            (jobServer as IDisposable)?.Dispose();
        }
        await base.StopAsync(cancellationToken);
    }

    /// <summary>
    /// Under one database-wide lock, so two nodes starting together on an empty database migrate and seed once: the
    /// second waits, then finds the first one's schema and rows and adds nothing.
    /// </summary>
    private async Task PrepareAsync(DatabaseOptions options, CancellationToken ct)
    {
        var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var holder = await contexts.CreateDbContextAsync(ct);
        if (options.MigrateOnStartup) await CreateDatabaseAsync(holder, ct);
        await holder.Database.OpenConnectionAsync(ct);
        await LockAsync(holder, options.Kind, ct);
        try
        {
            if (options.MigrateOnStartup) await MigrateAsync(contexts, ct);
            Jobs.PrepareSchema(options);
            if (options.SeedDemoData) await Features.Demo.DemoSeeder.SeedAsync(services);
            // Reads the key ring now (making its first key on a new database), as data protection's own start-up would
            // have: a first sign-in then writes no key, and two nodes starting together make one.
            services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>().CreateProtector(nameof(DatabaseStartup)).Protect([0]);
        }
        finally
        {
            await UnlockAsync(holder, options.Kind);
        }
    }

    /// <summary>
    /// A server database named in the connection string but not there yet is made first, since the lock below needs a
    /// connection to it. Two nodes may both try: the one that loses finds it made and goes on.
    /// </summary>
    private static async Task CreateDatabaseAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsSqlite()) return; // the file is made when first opened
        var creator = db.GetService<IRelationalDatabaseCreator>();
        if (await creator.ExistsAsync(ct)) return;
        try
        {
            await creator.CreateAsync(ct);
        }
        catch (DbException) when (!ct.IsCancellationRequested)
        {
            if (!await creator.ExistsAsync(ct)) throw;
        }
    }

    private static async Task MigrateAsync(IDbContextFactory<AppDbContext> contexts, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        if (db.Database.IsSqlite())
        {
            // WAL lets readers run beside the writer; it persists in the file once set.
            await db.Database.OpenConnectionAsync(ct);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
            await db.Database.CloseConnectionAsync();
        }
        await db.Database.MigrateAsync(ct);
    }

    // A session lock on the holder's own connection: released below, or by the server when a crashed node's
    // connection goes away. SQLite is one node's file: nothing to take.
    private static Task LockAsync(AppDbContext holder, DatabaseProvider provider, CancellationToken ct) => provider switch
    {
        DatabaseProvider.PostgreSql => holder.Database.ExecuteSqlRawAsync(PostgreSqlLock, ct),
        DatabaseProvider.SqlServer => holder.Database.ExecuteSqlRawAsync(SqlServerLock, ct),
        _ => Task.CompletedTask,
    };

    private static async Task UnlockAsync(AppDbContext holder, DatabaseProvider provider)
    {
        try
        {
            _ = provider switch
            {
                DatabaseProvider.PostgreSql => await holder.Database.ExecuteSqlRawAsync(PostgreSqlUnlock),
                DatabaseProvider.SqlServer => await holder.Database.ExecuteSqlRawAsync(SqlServerUnlock),
                _ => 0,
            };
        }
        catch (Exception e) when (DatabaseFaults.IsUnreachable(e))
        {
            // The connection is gone, and with it the lock.
        }
    }
}

public static class DatabaseReadiness
{
    /// <summary>How long a request that arrives during start-up waits for it before answering 503.</summary>
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Holds requests that arrive before the start-up has finished for a moment, then refuses them with 503 (through
    /// the exception handler, so the API answers a problem and the portal its error page). Health answers at once.
    /// </summary>
    public static IApplicationBuilder UseDatabaseReadiness(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var startup = ctx.RequestServices.GetRequiredService<DatabaseStartup>();
        if (!startup.IsReady && !ctx.Request.Path.StartsWithSegments("/health") && !IsErrorPage(ctx))
        {
            var clock = ctx.RequestServices.GetRequiredService<TimeProvider>();
            await Task.WhenAny(startup.Ready, Task.Delay(Wait, clock, ctx.RequestAborted));
            if (!startup.IsReady) throw new DatabaseNotReady("The app is still waiting for its database.");
        }
        await next(ctx);
    });

    private static bool IsErrorPage(HttpContext ctx) =>
        ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null
        || ctx.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null;
}
