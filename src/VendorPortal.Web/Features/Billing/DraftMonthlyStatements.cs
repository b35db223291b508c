using System.Security.Cryptography;
using System.Text;
using Hangfire;
using VendorPortal.Web.Features.Notifications;

namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// Recurring, hourly: for every tenant whose local date is the first of a month, enqueues the drafting of last
/// month's statements. Enqueuing twice is harmless: the drafting job skips what exists.
/// </summary>
public sealed class DispatchMonthlyStatements(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Id = "statements:monthly";

    public async Task RunAsync(CancellationToken ct)
    {
        // Tenants are not tenant-owned rows: listing them needs no filter bypass.
        var tenants = await db.Tenants.AsNoTracking().Select(t => new { t.Id, t.TimeZone }).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var tenant in tenants)
        {
            var local = TenantTime.ToLocal(now, TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone));
            if (local.Day != 1) continue;
            var month = new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
            jobs.Enqueue<DraftMonthlyStatements>(j => j.RunAsync(tenant.Id, month.Year, month.Month, CancellationToken.None));
        }
    }
}

/// <summary>
/// Drafts one tenant's statements for one month: every vendor with volumes or a rate card in the month that has
/// no statement for it yet. Finance hears once per tenant and month (an outbox e-mail keyed on both), so a rerun
/// drafts nothing twice and sends nothing twice.
/// </summary>
public sealed class DraftMonthlyStatements(TenantJobScope tenantScope, AppDbContext db, StatementOperations statements, Notifier notifier,
    ILogger<DraftMonthlyStatements> log)
{
    public const string Kind = "statements:drafted";

    [DisableConcurrentExecution(timeoutInSeconds: 300)]
    public async Task RunAsync(Guid tenantId, int year, int month, CancellationToken ct)
    {
        if (!await tenantScope.EnterAsync(tenantId, "monthly-statements", ct)) return;
        var start = new DateOnly(year, month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        var label = start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        var vendorIds = await db.ContactVolumes.Where(v => v.Date >= start && v.Date <= end).Select(v => v.VendorId)
            .Union(db.RateCards.Where(c => c.EffectiveFrom <= end && (c.EffectiveTo == null || c.EffectiveTo >= start)).Select(c => c.VendorId))
            .Distinct().ToListAsync(ct);
        var covered = await db.Statements.Where(s => s.Status != StatementStatus.Void && s.PeriodStart <= end && s.PeriodEnd >= start)
            .Select(s => s.VendorId).Distinct().ToListAsync(ct);
        var refused = new List<(string Vendor, RuleError Why)>();
        foreach (var vendorId in vendorIds.Except(covered))
        {
            try
            {
                await statements.GenerateAsync(new StatementInput { VendorId = vendorId, Month = label }, ct);
            }
            catch (RuleViolation rule)
            {
                var name = await db.Vendors.Where(v => v.Id == vendorId).Select(v => v.Name).SingleAsync(ct);
                refused.Add((name, rule.Error));
                log.LogWarning("Monthly statement for vendor {VendorId} in {Month} not drafted: {Reason}", vendorId, label, rule.Message);
            }
        }

        var subject = new Guid(MD5.HashData(Encoding.UTF8.GetBytes($"{Kind}:{tenantId}:{label}")));
        if (await db.Notifications.AnyAsync(n => n.Kind == Kind && n.SubjectId == subject, ct)) return;
        var drafts = await db.Statements.AsNoTracking().Where(s => s.PeriodStart == start && s.PeriodEnd == end && s.Status == StatementStatus.Draft)
            .OrderBy(s => s.VendorName).Select(s => new { s.VendorName, s.Total, s.Currency }).ToListAsync(ct);
        if (drafts.Count == 0 && refused.Count == 0) return;
        await notifier.StatementsDraftedAsync(subject, label, [.. drafts.Select(d => (d.VendorName, $"{Money.Format(d.Total, d.Currency)} {d.Currency}"))], refused, ct);
        await db.SaveChangesAsync(ct);
        notifier.Dispatch(tenantId);
    }
}
