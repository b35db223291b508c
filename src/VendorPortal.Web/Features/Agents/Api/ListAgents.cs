using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Agents.Api;

public sealed class ListAgentsRequest : PageRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public AgentStatus? Status { get; set; }
    [QueryParam] public string? Skill { get; set; }
    [QueryParam] public string? Search { get; set; }
}

public sealed class ListAgentsValidator : PageRequestValidator<ListAgentsRequest>;

public sealed class ListAgents(AppDbContext db, AgentOperations agents) : Endpoint<ListAgentsRequest, Paged<AgentResponse>>
{
    public override void Configure()
    {
        Get("agents");
        Group<TenantGroup>();
        Roles(TenantRoles.All);
        Summary(s => s.Summary = "Lists reserve agents; vendor users see only their own vendor's.");
    }

    public override async Task HandleAsync(ListAgentsRequest req, CancellationToken ct)
    {
        var query = db.Agents.AsQueryable();
        if (req.VendorId is { } vendorId) query = query.Where(a => a.VendorId == vendorId);
        if (req.Status is { } status) query = query.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(req.Skill))
        {
            var code = req.Skill.Trim().ToUpperInvariant();
            var skillId = await db.Skills.Where(s => s.Code == code).Select(s => s.Id).FirstOrDefaultAsync(ct);
            query = query.Where(a => a.SkillIds.Contains(skillId));
        }
        if (!string.IsNullOrWhiteSpace(req.Search))
        {
            var pattern = $"%{Like.Escape(req.Search.Trim())}%";
            query = query.Where(a => EF.Functions.Like(a.DisplayName, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(a.ExternalRef, pattern, Like.EscapeCharacter));
        }
        query = query.OrderBy(a => a.DisplayName).ThenBy(a => a.Id);
        var total = await query.CountAsync(ct);
        var items = await agents.ResponsesAsync(query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize), ct);
        await Send.OkAsync(new Paged<AgentResponse>(items, req.Page, req.PageSize, total), ct);
    }
}
