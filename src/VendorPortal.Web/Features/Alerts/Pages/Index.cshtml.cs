using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Alerts.Pages;

[Authorize(Policy = nameof(Permission.WatchReadiness))]
public sealed class IndexModel(AppDbContext db, AlertOperations alerts, AlertList list, IStringLocalizer<SharedResource> T) : PageModel
{
    /// <summary>open (default), acknowledged or resolved.</summary>
    [FromQuery(Name = "status")] public AlertState Status { get; set; } = AlertState.Open;
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public Paged<AlertResponse> Alerts { get; private set; } = null!;
    public int OpenCount { get; private set; }
    public string ZoneId { get; private set; } = "";
    public bool IsVendor => db.Scope!.IsVendor;
    public bool CanRunScan => db.Scope!.May(Permission.RunAlertScan);

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (Status == AlertState.All) Status = AlertState.Open;
        ZoneId = await db.Tenants.Where(t => t.Id == db.Scope!.TenantId).Select(t => t.TimeZone).SingleAsync(ct);
        OpenCount = await alerts.OpenCountAsync(ct);
        Alerts = await list.PageAsync(new AlertFilter(Status), PortalPageRequest.Of(PageNumber, PageSize), ct);
    }

    public async Task<IActionResult> OnPostAcknowledgeAsync(string tenant, Guid id, CancellationToken ct)
    {
        try
        {
            await alerts.AcknowledgeAsync(id, ct);
        }
        catch (NotFound)
        {
            return NotFound();
        }
        return RedirectToPage(new { tenant, status = "open" });
    }

    public async Task<IActionResult> OnPostEvaluateAsync(string tenant, CancellationToken ct)
    {
        if (!CanRunScan) return Forbid();
        var scan = await alerts.EvaluateAsync(ct);
        TempData["Flash"] = T["Scan done: {0} raised, {1} resolved, {2} escalated.", scan.Raised.Count, scan.Resolved.Count, scan.Escalated.Count].Value;
        return RedirectToPage(new { tenant, status = "open" });
    }
}
