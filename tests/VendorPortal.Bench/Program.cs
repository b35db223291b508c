// The readiness scan at scale: seeds tenants × shifts × assignments straight into the database the configuration names
// (Database:Provider=PostgreSql, Database:ConnectionString), then runs every tenant's alert evaluation as the recurring
// job does, twice (the first pass raises the alerts and queues their e-mails, the second finds nothing new), timing
// each pass and counting the SQL commands EF sends. One extra tenant with a tenth of the shifts shows whether the count
// follows the shifts. Usage: VendorPortal.Bench readiness-scan <tenants> <shifts per tenant> <assignments per shift>
// Also: VendorPortal.Bench erlang-a [erlangs] [runs] [patience seconds] times Erlang A for one interval (ErlangABench.cs).
// And: VendorPortal.Bench statement-pdf [seconds] renders a 41-page and a one-page statement PDF (StatementPdfBench.cs).
// And: VendorPortal.Bench webhooks [endpoints] times one alert.raised fanned out to 200 loopback endpoints (WebhookBench.cs).
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VendorPortal.Bench;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Alerts;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Skills;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Vendors;
using VendorPortal.Web.Hosting;

if (args is ["erlang-a", .. var rest]) return ErlangABench.Run(rest);
if (args is ["plan"]) return await PlanBench.RunAsync();
if (args is ["statement-pdf", .. var pdfArgs]) return StatementPdfBench.Run(pdfArgs);
if (args is ["webhooks", .. var hookArgs]) return await WebhookBench.RunAsync(hookArgs);
if (args is not ["readiness-scan", var t, var s, var a])
{
    Console.Error.WriteLine("usage: VendorPortal.Bench readiness-scan <tenants> <shifts per tenant> <assignments per shift>");
    Console.Error.WriteLine("       VendorPortal.Bench erlang-a [erlangs] [runs] [patience seconds]");
    Console.Error.WriteLine("       VendorPortal.Bench plan");
    Console.Error.WriteLine("       VendorPortal.Bench statement-pdf [seconds per round]");
    Console.Error.WriteLine("       VendorPortal.Bench webhooks [endpoints]");
    return 2;
}
var (tenantCount, shiftCount, perShift) = (int.Parse(t, CultureInfo.InvariantCulture), int.Parse(s, CultureInfo.InvariantCulture), int.Parse(a, CultureInfo.InvariantCulture));

var builder = WebApplication.CreateBuilder();
builder.Logging.ClearProviders();
builder.AddVendorPortal();
var counter = new CommandCounter();
builder.Services.ConfigureDbContext<AppDbContext>((_, options) => options.AddInterceptors(counter));
// No job server: the scan below is the only thing that talks to the database.
builder.Services.RemoveAll<JobServer>();
await using var app = builder.Build();
var startup = app.Services.GetRequiredService<DatabaseStartup>();
await startup.StartAsync(CancellationToken.None);
await startup.Ready;

var clock = app.Services.GetRequiredService<TimeProvider>();
var seedWatch = Stopwatch.StartNew();
var big = new List<Guid>();
for (var i = 0; i < tenantCount; i++) big.Add(await SeedTenantAsync($"bench{i:000}", shiftCount));
var small = await SeedTenantAsync("bench-small", Math.Max(1, shiftCount / 10));
await using (var scope = app.Services.CreateAsyncScope())
{
    // The assignments in one statement: each shift gets its vendor's agents, four in five confirmed.
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    await db.Database.ExecuteSqlRawAsync("""
        INSERT INTO "Assignments" ("Id", "TenantId", "VendorId", "ShiftId", "AgentId", "Status", "AssignedAt", "Late", "Version")
        SELECT gen_random_uuid(), s."TenantId", s."VendorId", s."Id", g."Id",
               CASE WHEN random() < 0.8 THEN 'Confirmed' ELSE 'Assigned' END, s."CreatedAt", false, 0
        FROM "Shifts" s JOIN "Agents" g ON g."VendorId" = s."VendorId"
        """);
    await db.Database.ExecuteSqlRawAsync("ANALYZE");
}
var assignments = tenantCount * shiftCount * perShift + Math.Max(1, shiftCount / 10) * perShift;
Row($"seed {tenantCount} tenants x {shiftCount} shifts x {perShift}", seedWatch.Elapsed.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture),
    $"s     ({assignments:N0} assignments; EF for the rest, one INSERT ... SELECT for the assignments)");

foreach (var pass in new[] { "first pass (raises alerts)", "second pass (nothing new)" })
{
    var (seconds, commands, perTenantMax, raised) = await ScanAsync(big);
    var (_, smallCommands, _, _) = await ScanAsync([small]);
    Row($"readiness scan, {pass}", seconds.ToString("0.00", CultureInfo.InvariantCulture),
        $"s     ({tenantCount} tenants, {raised:N0} alerts raised)");
    Row("  SQL commands per tenant", (commands / (double)tenantCount).ToString("0.0", CultureInfo.InvariantCulture),
        $"      (max {perTenantMax}; {smallCommands} for a tenant of {Math.Max(1, shiftCount / 10)} shifts; target: at most 5, not growing with shifts)");
}
return 0;

// Every tenant's evaluation, each in its own DI scope as a job runs; the count includes entering the tenant's scope.
async Task<(double Seconds, int Commands, int PerTenantMax, int Raised)> ScanAsync(IReadOnlyList<Guid> tenants)
{
    var watch = Stopwatch.StartNew();
    var (total, max, raised) = (0, 0, 0);
    foreach (var tenantId in tenants)
    {
        counter.Reset();
        await using var scope = app.Services.CreateAsyncScope();
        if (!await scope.ServiceProvider.GetRequiredService<TenantJobScope>().EnterAsync(tenantId, "alerts")) throw new InvalidOperationException("tenant missing");
        raised += (await scope.ServiceProvider.GetRequiredService<AlertOperations>().EvaluateAsync(CancellationToken.None)).Raised.Count;
        total += counter.Count;
        max = Math.Max(max, counter.Count);
    }
    return (watch.Elapsed.TotalSeconds, total, max, raised);
}

// A tenant with one vendor, one skill, one event, the agents for a shift and its shifts over the next 60 hours, so every
// shift is inside the alert lead times and those within 48 hours are past their confirm-by time.
async Task<Guid> SeedTenantAsync(string slug, int shifts)
{
    await using var scope = app.Services.CreateAsyncScope();
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    var now = clock.GetUtcNow();
    var tenant = new Tenant { Slug = slug, Name = $"Bench {slug}", TimeZone = "Asia/Shanghai", Currency = "CNY", CreatedAt = now };
    db.Tenants.Add(tenant);
    await db.SaveChangesAsync();
    scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "bench-seed"));
    var vendor = new Vendor { Name = "Bench vendor 基准" };
    var skill = new Skill { Code = "BENCH", Name = "Bench skill" };
    var today = DateOnly.FromDateTime(now.UtcDateTime);
    var surge = new SurgeEvent { Name = "Bench surge", StartDate = today, EndDate = today.AddDays(4), Status = EventStatus.Live };
    db.AddRange(vendor, skill, surge);
    db.Agents.AddRange(Enumerable.Range(0, perShift).Select(n => new Agent
    {
        VendorId = vendor.Id, ExternalRef = $"B{n:00000}", DisplayName = $"Agent {n} 张{n}", SkillIds = [skill.Id],
    }));
    var step = TimeSpan.FromHours(60) / shifts;
    db.Shifts.AddRange(Enumerable.Range(0, shifts).Select(n => new Shift
    {
        VendorId = vendor.Id, EventId = surge.Id, SkillId = skill.Id, Headcount = perShift, Taken = perShift,
        StartsAt = now + TimeSpan.FromHours(1) + n * step, EndsAt = now + TimeSpan.FromHours(5) + n * step,
    }));
    await db.SaveChangesAsync();
    return tenant.Id;
}

static void Row(string what, string figure, string rest) => Console.WriteLine($"{what,-42} {figure,10} {rest}");
