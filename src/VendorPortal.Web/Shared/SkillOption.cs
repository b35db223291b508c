namespace VendorPortal.Web.Shared;

/// <summary>A skill as forms and filters offer it.</summary>
public sealed record SkillOption(string Code, string Name)
{
    public static Task<List<SkillOption>> ListAsync(AppDbContext db, CancellationToken ct) =>
        db.Skills.AsNoTracking().OrderBy(s => s.Code).Select(s => new SkillOption(s.Code, s.Name)).ToListAsync(ct);
}
