using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Demo;

/// <summary>Demo reserve pools and training: dozens of agents per vendor, planned peaks, a passed refresher and an upcoming one.</summary>
public static class DemoReserves
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙"];
    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军", "杰", "婷", "强", "丽"];
    private static readonly string[] Latin = ["Amy Lin", "Ben Zhou", "Cathy Wu", "David Ho", "Emma Xu", "Frank Ma", "Grace Sun", "Henry Qian"];

    public static async Task SeedAsync(IServiceProvider sp, string prefix, IReadOnlyList<(string Vendor, int Count, string[] Skills, (string Skill, int Peak)[] Peaks)> pools, bool withTraining, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.Agents.AnyAsync(ct)) return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var vendors = await db.Vendors.ToDictionaryAsync(v => v.Name, v => v.Id, ct);
        var skills = await db.Skills.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var agentsByVendor = new Dictionary<string, List<Agent>>();
        var n = 0;
        foreach (var (vendorName, count, skillCodes, peaks) in pools)
        {
            var vendorId = vendors[vendorName];
            var list = new List<Agent>();
            for (var i = 0; i < count; i++, n++)
            {
                var name = prefix == "UK" ? $"{Latin[i % Latin.Length].Split(' ')[0]} {(char)('A' + i % 26)}. {Latin[(i / 8) % Latin.Length].Split(' ')[1]}"
                    : i % 5 == 4 ? Latin[n % Latin.Length] : Surnames[n % Surnames.Length] + Given[(n * 7 + i) % Given.Length];
                var agent = new Agent
                {
                    VendorId = vendorId, ExternalRef = $"{prefix}{vendorName[..1]}{i + 1:000}", DisplayName = name,
                    Languages = prefix == "UK" ? ["en"] : i % 3 == 0 ? ["zh", "en"] : ["zh"],
                    Status = i % 17 == 16 ? AgentStatus.Inactive : AgentStatus.Active,
                    MaxWeeklyHours = i % 4 == 0 ? 16 : 24,
                    CreatedAt = now.AddDays(-60 + i % 30), UpdatedAt = now.AddDays(-10),
                };
                agent.TenantId = db.Scope!.TenantId;
                agent.SkillIds = [.. skillCodes.Where((_, k) => k == 0 || (i + k) % 2 == 0).Select(c => skills[c])];
                list.Add(agent);
            }
            db.Agents.AddRange(list);
            agentsByVendor[vendorName] = list;
            foreach (var (skill, peak) in peaks)
                db.PoolPlans.Add(new PoolPlan { VendorId = vendorId, SkillId = skills[skill], PeakHeadcount = peak, UpdatedAt = now });
        }
        await db.SaveChangesAsync(ct);
        if (!withTraining) return;

        var firstSkill = pools[0].Skills[0];
        var pastDay = new DateTimeOffset(now.UtcDateTime.Date.AddDays(-12), TimeSpan.Zero);
        var past = new TrainingSession
        {
            Title = "Autumn sale refresher", StartsAt = pastDay.AddHours(1), EndsAt = pastDay.AddHours(4),
            Capacity = 60, Location = "Online (Teams)", Trainer = "Pat Planner", CreatedAt = now.AddDays(-20), UpdatedAt = now.AddDays(-12),
            TenantId = db.Scope!.TenantId,
        };
        past.SkillIds = [skills[firstSkill]];
        db.TrainingSessions.Add(past);
        foreach (var (vendorName, list) in agentsByVendor)
        {
            var attendees = list.Where(a => a.Status == AgentStatus.Active && a.SkillIds.Contains(skills[firstSkill])).Take(list.Count * 2 / 3).ToList();
            foreach (var (agent, k) in attendees.Select((a, k) => (a, k)))
            {
                db.TrainingEnrollments.Add(new TrainingEnrollment
                {
                    SessionId = past.Id, AgentId = agent.Id, VendorId = agent.VendorId, EnrolledAt = past.CreatedAt,
                    Outcome = k % 9 == 8 ? TrainingOutcome.NoShow : k % 7 == 6 ? TrainingOutcome.Failed : TrainingOutcome.Passed,
                    Score = k % 9 == 8 ? null : 60 + (k * 13) % 40, ResultAt = past.EndsAt,
                });
                past.SeatsTaken++;
            }
        }
        // The other skills had a refresher each too, so a suggested plan finds trained agents for every skill. The attendees work
        // the skill and are taken from the end of each list: the demo's shifts staff from the start, and their readiness stays.
        foreach (var (code, k0) in pools.SelectMany(p => p.Skills).Distinct().Where(c => c != firstSkill).Select((c, k) => (c, k)))
        {
            var skillId = skills[code];
            var refresher = new TrainingSession
            {
                Title = $"{code} refresher", StartsAt = pastDay.AddDays(1 + k0).AddHours(1), EndsAt = pastDay.AddDays(1 + k0).AddHours(4),
                Capacity = 60, Location = "Online (Teams)", Trainer = "Pat Planner", CreatedAt = now.AddDays(-20), UpdatedAt = now.AddDays(-11 + k0),
                TenantId = db.Scope!.TenantId,
            };
            refresher.SkillIds = [skillId];
            db.TrainingSessions.Add(refresher);
            foreach (var (vendorName, list) in agentsByVendor)
            {
                // Three quarters of the reserve target (2 × the planned peak): still short of it, as the pool page shows.
                var peak = pools.Single(p => p.Vendor == vendorName).Peaks.Where(p => p.Skill == code).Select(p => p.Peak).FirstOrDefault();
                var seats = peak > 0 ? peak * 3 / 2 : Math.Min(list.Count / 2, 30);
                var attendees = list.Where(a => a.Status == AgentStatus.Active && a.SkillIds.Contains(skillId))
                    .OrderByDescending(a => a.ExternalRef, StringComparer.Ordinal).Take(Math.Min(list.Count / 2, seats)).ToList();
                foreach (var (agent, k) in attendees.Select((a, k) => (a, k)))
                {
                    db.TrainingEnrollments.Add(new TrainingEnrollment
                    {
                        SessionId = refresher.Id, AgentId = agent.Id, VendorId = agent.VendorId, EnrolledAt = refresher.CreatedAt,
                        Outcome = k % 8 == 7 ? TrainingOutcome.Failed : TrainingOutcome.Passed,
                        Score = 62 + (k * 11) % 38, ResultAt = refresher.EndsAt,
                    });
                    refresher.SeatsTaken++;
                }
            }
        }
        await db.SaveChangesAsync(ct);

        var training = sp.GetRequiredService<TrainingOperations>();
        var zone = await db.TenantZoneAsync(ct);
        var day = TenantTime.ToLocal(now, zone).Date.AddDays(3);
        var upcoming = await training.CreateAsync(new TrainingSessionInput
        {
            Title = "Double 12 promotion rules and coupons", Skills = [.. pools.SelectMany(p => p.Skills).Distinct()],
            StartsAtLocal = day.AddHours(14), EndsAtLocal = day.AddHours(17), Capacity = 40,
            Location = "Training room B, 3F / online", Trainer = "Pat Planner",
            Notes = "Stacking rules for platform and store coupons, price-protection claims, the new returns flow.",
        }, ct);
        var enrol = agentsByVendor.Values.SelectMany(l => l.Where(a => a.Status == AgentStatus.Active).Take(12)).Select(a => a.Id).ToList();
        await training.EnrollAsync(upcoming.Id, enrol, ct);
    }
}
