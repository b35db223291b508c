namespace VendorPortal.Web.Features.Skills;

/// <summary>The skills list, by code, read by the API and the portal.</summary>
public sealed class SkillList(AppDbContext db)
{
    public Task<Paged<SkillResponse>> PageAsync(PageRequest page, CancellationToken ct) =>
        db.Skills.AsNoTracking().OrderBy(s => s.Code).Select(SkillResponse.Projection).ToPageAsync(page, ct);
}
