using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using VendorPortal.Web.Features.Identity;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace VendorPortal.Web.Features.Billing.Pages;

/// <summary>Statements with their PDF and CSV downloads: finance and admins see all, a vendor's managers their own.</summary>
public sealed class StatementsModel(AppDbContext db, StatementOperations statements) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [FromQuery(Name = "status")] public StatementStatus? Status { get; set; }

    public Paged<StatementResponse> Statements { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public bool MayRead => db.Scope!.Role is TenantRole.Finance or TenantRole.TenantAdmin or TenantRole.VendorManager;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayRead) return Forbid();
        var query = db.Statements.AsNoTracking();
        if (Status is { } status) query = query.Where(s => s.Status == status);
        var page = await query.OrderByDescending(s => s.PeriodStart).ThenBy(s => s.VendorName).ThenBy(s => s.Id)
            .Select(s => new { Statement = s, Lines = db.StatementLines.Count(l => l.StatementId == s.Id) })
            .ToPageAsync(PortalPageRequest.Of(PageNumber, PageSize), ct);
        Statements = new Paged<StatementResponse>([.. page.Items.Select(r => StatementOperations.Response(r.Statement, r.Lines))],
            page.Page, page.PageSize, page.Total);
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken ct)
    {
        if (!MayRead) return Forbid();
        var (pdf, name) = await statements.PdfAsync(id, ct);
        return File(pdf, "application/pdf", name);
    }

    public async Task<IActionResult> OnGetCsvAsync(Guid id, CancellationToken ct)
    {
        if (!MayRead) return Forbid();
        var (csv, name) = await statements.CsvAsync(id, ct);
        return File(System.Text.Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", name);
    }

    public static string StatusLabel(IStringLocalizer T, StatementStatus status) => status switch
    {
        StatementStatus.Draft => T["Draft"],
        StatementStatus.Issued => T["Issued"],
        _ => T["Void"],
    };
}
