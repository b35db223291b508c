using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Agents.Pages.Pool;

public sealed class PlanRow
{
    public Guid? VendorId { get; set; }
    public string? Skill { get; set; }
    public int? PeakHeadcount { get; set; }
}

public sealed class IndexModel(AppDbContext db, PoolDepth pool, TenantSettingsOperations settings, IStringLocalizer<SharedResource> T) : PageModel
{
    private const int MaxPeak = 100_000;

    [BindProperty, ValidateNever] public List<PlanRow> Plans { get; set; } = [];
    /// <summary>A vendor and skill that has no row yet: no agents and no plan.</summary>
    [BindProperty, ValidateNever] public PlanRow Added { get; set; } = new();

    public PoolResponse Pool { get; private set; } = new(0, []);
    public IReadOnlyDictionary<Guid, string> Vendors { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];
    public bool CanPlan => db.Scope!.May(Permission.PlanPool);
    public int ValidityDays { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Plans = [.. Pool.Rows.Select(r => new PlanRow { VendorId = r.VendorId, Skill = r.SkillCode, PeakHeadcount = r.PeakHeadcount })];
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        await LoadAsync(ct);
        var current = Pool.Rows.ToDictionary(r => (r.VendorId, r.SkillCode), r => r.PeakHeadcount);
        var changed = new List<PeakPlanInput>();
        for (var i = 0; i < Plans.Count; i++)
        {
            var plan = Plans[i];
            if (Checked(plan.PeakHeadcount ?? 0, $"{nameof(Plans)}[{i}].{nameof(PlanRow.PeakHeadcount)}") is not { } peak) continue;
            if (plan is { VendorId: { } vendorId, Skill: { } skill } && current.GetValueOrDefault((vendorId, skill), -1) != peak)
                changed.Add(new PeakPlanInput(vendorId, skill, peak));
        }
        if (Added.PeakHeadcount is { } addedPeak && Checked(addedPeak, $"{nameof(Added)}.{nameof(PlanRow.PeakHeadcount)}") is { } added)
        {
            if (Added is { VendorId: { } vendorId, Skill: { Length: > 0 } skill })
                changed.Add(new PeakPlanInput(vendorId, skill, added));
            else ModelState.AddModelError(nameof(Added), T["Choose the vendor and the skill for the new plan."]);
        }
        if (!ModelState.IsValid) return Page();
        if (changed.Count == 0)
        {
            TempData["Flash"] = T["Nothing changed."].Value;
            return LocalRedirect($"/t/{tenant}/pool");
        }
        try
        {
            await pool.SetPlansAsync(changed, ct);
        }
        catch (RuleViolation rule)
        {
            ModelState.AddModelError("", rule.Error.Text());
            return Page();
        }
        TempData["Flash"] = T["Planned peaks saved for {0} rows.", changed.Count].Value;
        return LocalRedirect($"/t/{tenant}/pool");
    }

    private int? Checked(int peak, string key)
    {
        if (peak is >= 0 and <= MaxPeak) return peak;
        ModelState.AddModelError(key, T["Enter a value from {0} to {1}.", 0, MaxPeak]);
        return null;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Pool = await pool.ReadAsync(ct);
        ValidityDays = (await settings.CurrentAsync(ct)).TrainingValidityDays;
        if (!CanPlan) return;
        Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        Skills = await SkillOption.ListAsync(db, ct);
    }

    /// <summary>How much of the target the trained agents cover, for the bar (full at or above target).</summary>
    public static int CoveragePercent(PoolRow row) =>
        row.Target == 0 ? 100 : (int)Math.Min(100, Math.Round(row.TrainedAgents * 100m / row.Target));
}
