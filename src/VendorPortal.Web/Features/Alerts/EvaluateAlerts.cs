using Hangfire;

namespace VendorPortal.Web.Features.Alerts;

/// <summary>Recurring, every 15 minutes: one evaluation job per tenant, each running in its own tenant scope.</summary>
public sealed class DispatchAlerts(AppDbContext db, IBackgroundJobClient jobs)
{
    public const string Id = "alerts:dispatch";

    public async Task RunAsync(CancellationToken ct)
    {
        // Tenants are not tenant-owned rows: listing them needs no filter bypass.
        var tenants = await db.Tenants.AsNoTracking().Select(t => t.Id).ToListAsync(ct);
        foreach (var tenantId in tenants)
            jobs.Enqueue<EvaluateAlerts>(j => j.RunAsync(tenantId, CancellationToken.None));
    }
}

/// <summary>
/// Raises one tenant's readiness alerts and queues their e-mails (<see cref="AlertOperations.EvaluateAsync"/>). A rerun
/// raises nothing twice (each alert's key is unique per tenant). Two retries only: the next dispatch, 15 minutes on,
/// evaluates afresh, so a failure never turns into an alert sent hours late.
/// </summary>
public sealed class EvaluateAlerts(TenantJobScope tenantScope, AlertOperations alerts)
{
    [AutomaticRetry(Attempts = 2, DelaysInSeconds = [30, 120])]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task RunAsync(Guid tenantId, CancellationToken ct)
    {
        if (!await tenantScope.EnterAsync(tenantId, "alerts", ct)) return;
        await alerts.EvaluateAsync(ct);
    }
}
