using Microsoft.AspNetCore.Mvc.RazorPages;
using VendorPortal.Web.Features.Identity;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace VendorPortal.Web.Features.Agents.Pages;

public sealed class IndexModel(AppDbContext db, AgentOperations agents) : PageModel
{
    [FromQuery(Name = "search")] public string? Search { get; set; }
    [FromQuery(Name = "status")] public AgentStatus? Status { get; set; }
    [FromQuery(Name = "skill")] public string? Skill { get; set; }
    [FromQuery(Name = "vendor")] public Guid? VendorId { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public Paged<AgentResponse> Agents { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyDictionary<Guid, string> VendorNames { get; private set; } = new Dictionary<Guid, string>();
    public IReadOnlyList<SkillOption> Skills { get; private set; } = [];
    public bool IsVendor => db.Scope!.IsVendor;
    public bool CanWrite => db.Scope!.Role is TenantRole.VendorManager or TenantRole.TenantAdmin;
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || Status is not null || !string.IsNullOrEmpty(Skill) || VendorId is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        VendorNames = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        Skills = await SkillOption.ListAsync(db, ct);

        var query = db.Agents.AsQueryable();
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
        query = query.OrderBy(a => a.DisplayName).ThenBy(a => a.Id);

        var request = PortalPageRequest.Of(PageNumber, PageSize);
        var total = await query.CountAsync(ct);
        var items = await agents.ResponsesAsync(query.Skip((request.Page - 1) * request.PageSize).Take(request.PageSize), ct);
        Agents = new Paged<AgentResponse>(items, request.Page, request.PageSize, total);
    }

    public string VendorName(Guid id) => VendorNames.GetValueOrDefault(id, "—");
}
