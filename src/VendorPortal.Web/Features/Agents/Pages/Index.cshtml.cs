using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;

namespace VendorPortal.Web.Features.Agents.Pages;

public sealed class IndexModel(AppDbContext db, AgentList agents, AgentExport export) : PageModel
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
    public bool CanWrite => db.Scope!.May(Permission.ManageAgents);
    public bool IsFiltered => !string.IsNullOrWhiteSpace(Search) || Status is not null || !string.IsNullOrEmpty(Skill) || VendorId is not null;

    public async Task OnGetAsync(CancellationToken ct)
    {
        VendorNames = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        Skills = await SkillOption.ListAsync(db, ct);

        Agents = await agents.PageAsync(Filter, PortalPageRequest.Of(PageNumber, PageSize), ct);
    }

    private AgentFilter Filter => new(VendorId, Status, Skill, Search);

    /// <summary>The CSV of the agents the page lists, with its current filters.</summary>
    public string ExportUrl(string root) => QueryHelpers.AddQueryString($"{root}/agents", new Dictionary<string, string?>
    {
        ["handler"] = "csv", ["search"] = Search, ["status"] = Status?.ToString(), ["skill"] = Skill, ["vendor"] = VendorId?.ToString(),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    /// <summary>Set when an export was refused (too many rows): the list shows why instead.</summary>
    public bool ExportTooLarge { get; private set; }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        this.CsvOrListAsync(() => export.SendAsync(Response, Filter, ct), () => { ExportTooLarge = true; return OnGetAsync(ct); });

    public string VendorName(Guid id) => VendorNames.GetValueOrDefault(id, "—");
}
