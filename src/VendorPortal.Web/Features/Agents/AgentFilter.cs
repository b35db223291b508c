namespace VendorPortal.Web.Features.Agents;

/// <summary>The agents list's filters, shared by the API list, the portal list and the CSV export; vendor users see only their vendor's agents anyway.</summary>
public sealed record AgentFilter(Guid? VendorId, AgentStatus? Status, string? Skill, string? Search)
{
    /// <summary>The matching agents, by name.</summary>
    public async Task<IQueryable<Agent>> ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var query = db.Agents.AsNoTracking();
        if (VendorId is { } vendorId) query = query.Where(a => a.VendorId == vendorId);
        if (Status is { } status) query = query.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(Skill))
        {
            var code = Skill.Trim().ToUpperInvariant();
            var skillId = await db.Skills.Where(s => s.Code == code).Select(s => s.Id).FirstOrDefaultAsync(ct);
            query = query.Where(a => a.SkillIds.Contains(skillId));
        }
        if (!string.IsNullOrWhiteSpace(Search))
        {
            var pattern = $"%{Like.Escape(Search.Trim())}%";
            query = query.Where(a => EF.Functions.Like(a.DisplayName, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(a.ExternalRef, pattern, Like.EscapeCharacter));
        }
        return query.OrderBy(a => a.DisplayName).ThenBy(a => a.Id);
    }
}
