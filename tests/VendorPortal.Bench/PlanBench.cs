// The suggested surge plan at the size: a 3-day event at 15-minute intervals, 4 skills, 5 vendors, 14-hour days,
// on a fresh SQLite database in the data folder the configuration names. Seeds straight into the database, then times the
// plan's answer (PlanOperations.SuggestAsync, as POST /events/{id}/plan calls it) cold and warm, and prints agentHours over
// the solver's proven lowerBound. Usage: VendorPortal.Bench plan
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Billing;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Planning;
using VendorPortal.Web.Features.Skills;
using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Training;
using VendorPortal.Web.Features.Vendors;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Bench;

public static class PlanBench
{
    private static readonly (string Code, double Peak, double Aht)[] Skills =
        [("PRESALES", 260, 240), ("AFTERSALES", 140, 420), ("HOTLINE", 90, 300), ("LIVECHAT", 180, 200)];

    public static async Task<int> RunAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.AddVendorPortal();
        builder.Services.RemoveAll<JobServer>();
        await using var app = builder.Build();
        var startup = app.Services.GetRequiredService<DatabaseStartup>();
        await startup.StartAsync(CancellationToken.None);
        await startup.Ready;
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();

        Guid tenantId, eventId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var tenant = new Tenant { Slug = "bench-plan", Name = "Bench plan", TimeZone = "Asia/Shanghai", Currency = "CNY", CreatedAt = now };
            db.Tenants.Add(tenant);
            await db.SaveChangesAsync();
            tenantId = tenant.Id;
            scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "bench-seed"));
            var skills = Skills.Select(s => new Skill { Code = s.Code, Name = $"{s.Code} 技能" }).ToList();
            var vendors = Enumerable.Range(0, 5).Select(v => new Vendor { Name = $"Bench vendor {v + 1} 外包" }).ToList();
            var first = DateOnly.FromDateTime(now.UtcDateTime).AddDays(10);
            var surge = new SurgeEvent
            {
                Name = "Bench plan 大促", StartDate = first, EndDate = first.AddDays(2), IntervalMinutes = 15, ServiceLevel = 0.8, TargetSeconds = 20,
                Shrinkage = 0.3, MaxOccupancy = 0.9, Status = EventStatus.Planning,
            };
            db.AddRange(skills);
            db.AddRange(vendors);
            db.Add(surge);
            eventId = surge.Id;
            // Each vendor keeps 120 reserves; vendor k works three of the four skills, all passed a refresher.
            var session = new TrainingSession
            {
                Title = "Bench refresher", StartsAt = now.AddDays(-5), EndsAt = now.AddDays(-5).AddHours(3), Capacity = 1000, CreatedAt = now.AddDays(-9),
                UpdatedAt = now.AddDays(-5), SkillIds = [.. skills.Select(s => s.Id)],
            };
            db.Add(session);
            var agents = new List<Agent>();
            for (var v = 0; v < vendors.Count; v++)
                for (var n = 0; n < 120; n++)
                    agents.Add(new Agent
                    {
                        VendorId = vendors[v].Id, ExternalRef = $"P{v}{n:0000}", DisplayName = $"Agent {v}-{n} 李{n}",
                        SkillIds = [.. skills.Where((_, k) => k != (v + n) % 4 || v == 4).Select(s => s.Id)],
                    });
            db.Agents.AddRange(agents);
            db.TrainingEnrollments.AddRange(agents.Select(a => new TrainingEnrollment
            {
                SessionId = session.Id, AgentId = a.Id, VendorId = a.VendorId, EnrolledAt = now.AddDays(-8), Outcome = TrainingOutcome.Passed,
                Score = 80, ResultAt = session.EndsAt,
            }));
            session.SeatsTaken = agents.Count;
            db.RateCards.AddRange(vendors.Select((v, i) => new RateCard
            {
                VendorId = v.Id, Currency = "CNY", EffectiveFrom = first.AddDays(-30), Tiers = [new RateTier(null, 2.2m + 0.15m * i)],
            }));
            for (var d = 0; d < 3; d++)
                foreach (var (skill, (_, peak, aht)) in skills.Zip(Skills))
                    for (var slot = 0; slot < 56; slot++)
                    {
                        // 08:00 to 22:00: a morning rise, a lunch dip and the evening peak of a sale day.
                        var hour = 8 + slot / 4.0;
                        var shape = 0.35 + 0.25 * Math.Exp(-Math.Pow((hour - 11) / 1.5, 2)) + 0.65 * Math.Exp(-Math.Pow((hour - 20.5) / 1.6, 2));
                        db.ForecastIntervals.Add(new ForecastInterval
                        {
                            EventId = surge.Id, SkillId = skill.Id, Date = first.AddDays(d), Start = new TimeOnly(8, 0).AddMinutes(slot * 15),
                            Contacts = Math.Round(peak / 2 * shape * (d == 0 ? 1.2 : 1.0), 1), AhtSeconds = aht,
                        });
                    }
            await db.SaveChangesAsync();
        }

        foreach (var pass in new[] { "cold (first call, solver loaded)", "warm" })
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenantId, "bench-plan", "bench-plan"));
            var watch = Stopwatch.StartNew();
            var plan = await scope.ServiceProvider.GetRequiredService<PlanOperations>().SuggestAsync(eventId, new PlanInput(), CancellationToken.None);
            var seconds = watch.Elapsed.TotalSeconds;
            Row($"plan, {pass}", seconds.ToString("0.00", CultureInfo.InvariantCulture),
                $"s     (3 days x 56 intervals x 4 skills, 5 vendors; {plan.Shifts.Count} shifts; target: under 5 s)");
            Row("  agentHours / lowerBound", (plan.LowerBound > 0 ? plan.AgentHours / plan.LowerBound : 1).ToString("0.0000", CultureInfo.InvariantCulture),
                $"      ({plan.AgentHours:0.##} / {plan.LowerBound:0.##} agent-hours, optimal: {plan.Optimal}; {plan.Shortfalls.Count} shortfalls; target: at most 1.01)");
        }
        return 0;
    }

    private static void Row(string what, string figure, string rest) => Console.WriteLine($"{what,-42} {figure,10} {rest}");
}
