namespace VendorPortal.Web.Features.Agents;

/// <summary>The agents list's filters; vendor users see only their vendor's agents anyway.</summary>
public sealed record AgentFilter(Guid? VendorId = null, AgentStatus? Status = null, string? Skill = null, string? Search = null);

/// <summary>The agents list, read by the API list, the portal list and the CSV export.</summary>
public sealed class AgentList(AppDbContext db, AgentOperations agents)
{
    public async Task<Paged<AgentResponse>> PageAsync(AgentFilter filter, PageRequest page, CancellationToken ct) =>
        await (await QueryAsync(filter, ct)).ToPageAsync(page, agents.ResponsesAsync, ct);

    /// <summary>The matching agents, by name.</summary>
    public async Task<IQueryable<Agent>> QueryAsync(AgentFilter filter, CancellationToken ct)
    {
        var query = db.Agents.AsNoTracking();
        if (filter.VendorId is { } vendorId) query = query.Where(a => a.VendorId == vendorId);
        if (filter.Status is { } status) query = query.Where(a => a.Status == status);
        if (await Skills.SkillCodes.FilterIdAsync(db, filter.Skill, ct) is { } skillId) query = query.Where(a => a.SkillIds.Contains(skillId));
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = Like.Containing(filter.Search);
            query = query.Where(a => EF.Functions.Like(a.DisplayName.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(a.ExternalRef.ToLower(), pattern, Like.EscapeCharacter));
        }
        return query.OrderBy(a => a.DisplayName).ThenBy(a => a.Id);
    }
}
