using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace VendorPortal.Web.Hosting;

public static class Health
{
    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StartupCheck>("startup", tags: ["ready"])
            .AddCheck<DatabaseCheck>("database", tags: ["ready"])
            .AddCheck<JobStorageCheck>("jobs", tags: ["ready"]);
        return services;
    }

    public static void MapHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains("ready"), ResponseWriter = Write }).AllowAnonymous();
    }

    private static Task Write(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json";
        return ctx.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => e.Value.Status.ToString()),
        }, JsonSerializerOptions.Web));
    }

    /// <summary>Before start-up has finished, no check touches the database: it may not be migrated, or not there.</summary>
    private static readonly HealthCheckResult Starting = HealthCheckResult.Unhealthy("Start-up has not finished.");

    private sealed class StartupCheck(DatabaseStartup startup) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            Task.FromResult(startup.IsReady ? HealthCheckResult.Healthy() : Starting);
    }

    private sealed class DatabaseCheck(DatabaseStartup startup, AppDbContext db) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct) =>
            !startup.IsReady ? Starting
            : await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("The database cannot be reached.");
    }

    private sealed class JobStorageCheck(DatabaseStartup startup, JobStorage storage) : IHealthCheck
    {
        // One read of the storage's own tables (the servers that sent a heartbeat); a failure is reported as unhealthy.
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct)
        {
            if (!startup.IsReady) return Task.FromResult(Starting);
            _ = storage.GetMonitoringApi().Servers();
            return Task.FromResult(HealthCheckResult.Healthy());
        }
    }
}
