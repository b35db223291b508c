namespace VendorPortal.Web.Features.Skills;

/// <summary>Agents and sessions keep skill ids; people read and write skill codes. This translates both ways.</summary>
public static class SkillCodes
{
    public static Task<Dictionary<Guid, string>> ByIdAsync(AppDbContext db, CancellationToken ct) =>
        db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Code, ct);

    public static IReadOnlyList<string> Codes(this IEnumerable<Guid> ids, IReadOnlyDictionary<Guid, string> codes) =>
        [.. ids.Select(id => codes.GetValueOrDefault(id, "?")).Order(StringComparer.Ordinal)];

    /// <summary>For a list's skill filter: none without a code; the code's id (any case), or one that matches nothing when unknown.</summary>
    public static async Task<Guid?> FilterIdAsync(AppDbContext db, string? code, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(code)) return null;
        var wanted = code.Trim().ToUpperInvariant();
        return await db.Skills.Where(s => s.Code == wanted).Select(s => s.Id).FirstOrDefaultAsync(ct);
    }

    /// <summary>The ids of the given codes (any case); unknown codes are a rule violation on <paramref name="field"/>.</summary>
    public static async Task<List<Guid>> ResolveAsync(AppDbContext db, IEnumerable<string> codes, string field, CancellationToken ct)
    {
        var wanted = codes.Select(c => c.Trim().ToUpperInvariant()).Distinct().ToList();
        var found = await db.Skills.Where(s => wanted.Contains(s.Code)).Select(s => new { s.Id, s.Code }).ToListAsync(ct);
        var unknown = wanted.Except(found.Select(f => f.Code)).ToList();
        if (unknown.Count > 0) throw new RuleViolation(field, SkillRules.Unknown(unknown));
        return [.. found.Select(f => f.Id)];
    }
}
