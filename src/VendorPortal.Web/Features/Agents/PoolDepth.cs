using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Agents;

public enum PoolStatus
{
    Green,
    Amber,
    Red,
}

public sealed record PoolRow(
    Guid VendorId, string VendorName, Guid SkillId, string SkillCode, string SkillName,
    int ActiveAgents, int TrainedAgents, int PeakHeadcount, decimal ReserveRatio, int Target, int Gap, int TrainedGap, PoolStatus Status);

public sealed record PoolResponse(decimal ReserveRatioTarget, IReadOnlyList<PoolRow> Rows);

public sealed record PeakPlanInput(Guid VendorId, string Skill, int PeakHeadcount);

/// <summary>
/// Reserve depth per vendor and skill: active agents and agents trained now, against the target
/// (reserve ratio × planned peak). The colour follows the trained agents, since only they count as ready:
/// green at or above target, amber from 80%, red below.
/// </summary>
public sealed class PoolDepth(AppDbContext db, TimeProvider clock)
{
    public async Task<PoolResponse> ReadAsync(CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == db.Scope!.TenantId, ct);
        return new PoolResponse(tenant.ReserveRatioTarget, await RowsAsync(tenant, await db.PoolPlans.AsNoTracking().ToListAsync(ct), ct));
    }

    /// <summary>
    /// The rows below target (amber or red), for the alert scan, which has read the tenant already. Only a plan sets a
    /// target, so without one nothing more is read.
    /// </summary>
    public async Task<IReadOnlyList<PoolRow>> ShortAsync(Tenant tenant, CancellationToken ct)
    {
        var plans = await db.PoolPlans.AsNoTracking().ToListAsync(ct);
        if (!plans.Any(p => TargetOf(p.PeakHeadcount, tenant) > 0)) return [];
        return [.. (await RowsAsync(tenant, plans, ct)).Where(r => r.Status != PoolStatus.Green)];
    }

    private async Task<List<PoolRow>> RowsAsync(Tenant tenant, List<PoolPlan> plans, CancellationToken ct)
    {
        var vendors = await db.Vendors.AsNoTracking().Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var skills = await db.Skills.AsNoTracking().Select(s => new { s.Id, s.Code, s.Name }).ToListAsync(ct);
        // Counted in SQL by vendor and skill list (SQLite cannot unnest a JSON list in a grouped query, so the
        // database answers one row per distinct list, a handful, and each list's count goes to each of its skills here).
        var active = (await db.Agents.AsNoTracking()
                .Where(a => a.Status == AgentStatus.Active)
                .GroupBy(a => new { a.VendorId, a.SkillIds })
                .Select(g => new { g.Key.VendorId, g.Key.SkillIds, Count = g.Count() })
                .ToListAsync(ct))
            .SelectMany(g => g.SkillIds.Distinct(), (g, skillId) => (g.VendorId, SkillId: skillId, g.Count))
            .GroupBy(x => (x.VendorId, x.SkillId))
            .ToDictionary(x => x.Key, x => x.Sum(y => y.Count));
        var trained = await TrainedBySkillAsync(tenant.TrainingValidityDays, ct);

        var rows =
            from v in vendors
            from s in skills
            let activeCount = active.GetValueOrDefault((v.Id, s.Id))
            let peak = plans.FirstOrDefault(p => p.VendorId == v.Id && p.SkillId == s.Id)?.PeakHeadcount ?? 0
            where activeCount > 0 || peak > 0
            let trainedCount = trained.GetValueOrDefault((v.Id, s.Id))
            let target = TargetOf(peak, tenant)
            orderby v.Name, s.Code
            select new PoolRow(v.Id, v.Name, s.Id, s.Code, s.Name, activeCount, trainedCount, peak, tenant.ReserveRatioTarget,
                target, activeCount - target, trainedCount - target, StatusOf(trainedCount, target));
        return [.. rows];
    }

    public async Task SetPlansAsync(IReadOnlyList<PeakPlanInput> plans, CancellationToken ct)
    {
        var codes = plans.Select(p => p.Skill.Trim().ToUpperInvariant()).Distinct().ToList();
        var skills = await db.Skills.Where(s => codes.Contains(s.Code)).ToDictionaryAsync(s => s.Code, s => s.Id, ct);
        var vendorIds = await db.Vendors.Select(v => v.Id).ToListAsync(ct);
        var errors = plans.Select((p, i) =>
                !vendorIds.Contains(p.VendorId) ? AgentRules.PoolNoSuchVendor(i + 1)
                : !skills.ContainsKey(p.Skill.Trim().ToUpperInvariant()) ? AgentRules.PoolUnknownSkill(i + 1, p.Skill)
                : null)
            .OfType<RuleError>().ToList();
        if (errors.Count > 0) throw new RuleViolation("plans", CommonRules.Several(errors));

        var existing = await db.PoolPlans.ToListAsync(ct);
        foreach (var p in plans)
        {
            var skillId = skills[p.Skill.Trim().ToUpperInvariant()];
            var plan = existing.FirstOrDefault(x => x.VendorId == p.VendorId && x.SkillId == skillId);
            if (plan is null)
            {
                plan = new PoolPlan { VendorId = p.VendorId, SkillId = skillId };
                db.PoolPlans.Add(plan);
                existing.Add(plan);
            }
            plan.PeakHeadcount = p.PeakHeadcount;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Agents trained now per vendor and skill; an agent counts once per skill however many sessions they passed.</summary>
    private async Task<Dictionary<(Guid Vendor, Guid Skill), int>> TrainedBySkillAsync(int validityDays, CancellationToken ct)
    {
        var cutoff = clock.GetUtcNow() - TimeSpan.FromDays(validityDays);
        var passed = await db.TrainingEnrollments.AsNoTracking()
            .Where(e => e.Outcome == TrainingOutcome.Passed && e.Agent!.Status == AgentStatus.Active && e.Session!.EndsAt > cutoff)
            .Select(e => new { e.AgentId, e.VendorId, e.Session!.SkillIds })
            .ToListAsync(ct);
        return passed
            .SelectMany(p => p.SkillIds.Select(skill => (p.VendorId, skill, p.AgentId)))
            .Distinct()
            .GroupBy(x => (x.VendorId, x.skill))
            .ToDictionary(g => g.Key, g => g.Count());
    }

    private static int TargetOf(int peak, Tenant tenant) => (int)Math.Ceiling(peak * tenant.ReserveRatioTarget);

    private static PoolStatus StatusOf(int trained, int target) =>
        target == 0 || trained >= target ? PoolStatus.Green
        : trained * 100 >= target * 80 ? PoolStatus.Amber
        : PoolStatus.Red;
}
