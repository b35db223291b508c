using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Billing.Pages;

/// <summary>Statements with their PDF and CSV downloads: finance and admins see all, a vendor's managers their own.</summary>
public sealed class StatementsModel(AppDbContext db, StatementOperations statements, StatementList list, ContactVolumeOperations volumes,
    IStringLocalizer<SharedResource> T) : PageModel
{
    public sealed class DraftInput
    {
        public Guid VendorId { get; set; }
        /// <summary>yyyy-MM, as an input of type month sends it.</summary>
        public string Month { get; set; } = "";
        public decimal? TaxPercent { get; set; }
        public bool DailyLines { get; set; }
    }

    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;
    [FromQuery(Name = "status")] public StatementStatus? Status { get; set; }

    [BindProperty, Microsoft.AspNetCore.Mvc.ModelBinding.Validation.ValidateNever] public DraftInput Input { get; set; } = new();

    public Paged<StatementResponse> Statements { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<(Guid Id, string Name)> Vendors { get; private set; } = [];
    public bool MayRead => db.Scope!.May(Permission.ReadBilling);
    public bool MayDraft => db.Scope!.May(Permission.DraftStatements);
    public bool MayIssue => db.Scope!.May(Permission.IssueStatements);
    /// <summary>Finance loads the month's volumes here before drafting; a vendor's managers send theirs through the API.</summary>
    public bool MayLoadVolumes => MayDraft && db.Scope!.May(Permission.RecordContactVolumes);
    public IReadOnlyList<RowProblem> VolumeErrors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!MayRead) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDraftAsync(string tenant, CancellationToken ct)
    {
        if (!MayDraft) return Forbid();
        var input = new StatementInput
        {
            VendorId = Input.VendorId, Month = Input.Month, TaxRate = Input.TaxPercent / 100m, DailyLines = Input.DailyLines,
        };
        if (ModelState.Validate(new StatementInputValidator(), input, nameof(Input), T))
        {
            try
            {
                var statement = await statements.GenerateAsync(input, ct);
                TempData["Flash"] = T["A draft statement for {0} was generated.", statement.VendorName].Value;
                return LocalRedirect($"/t/{tenant}/statements");
            }
            catch (RuleViolation rule)
            {
                ModelState.AddModelError("", rule.Error.Text());
            }
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>The CSV import of POST /contact-volumes/import, all-or-nothing: any bad line stores nothing and is listed.</summary>
    public async Task<IActionResult> OnPostVolumesAsync(string tenant, Guid volumeVendorId, IFormFile? file, CancellationToken ct)
    {
        if (!MayLoadVolumes) return Forbid();
        if (file is null || file.Length == 0)
            ModelState.AddModelError("", T["Choose a CSV file to upload."]);
        else
        {
            await using var stream = file.OpenReadStream();
            var result = await volumes.ImportAsync(stream, volumeVendorId, dryRun: false, ct);
            if (result.Stored)
            {
                var vendor = await db.Vendors.Where(v => v.Id == volumeVendorId).Select(v => v.Name).SingleAsync(ct);
                TempData["Flash"] = T["Contact volumes for {0} were stored: {1} rows.", vendor, result.Rows].Value;
                return LocalRedirect($"/t/{tenant}/statements");
            }
            VolumeErrors = result.Errors;
        }
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostIssueAsync(string tenant, Guid id, decimal expectedTotal, CancellationToken ct) =>
        await ActAsync(tenant, async () =>
        {
            var statement = await statements.IssueAsync(id, expectedTotal, ct);
            return T["Statement {0} was issued.", statement.Number!].Value;
        }, ct);

    public async Task<IActionResult> OnPostVoidAsync(string tenant, Guid id, string? reason, CancellationToken ct) =>
        await ActAsync(tenant, async () =>
        {
            if (string.IsNullOrWhiteSpace(reason)) throw new RuleViolation("reason", BillingRules.VoidReason);
            var statement = await statements.VoidAsync(id, reason, ct);
            return T["Statement {0} was voided.", statement.Number ?? statement.VendorName].Value;
        }, ct);

    private async Task<IActionResult> ActAsync(string tenant, Func<Task<string>> action, CancellationToken ct)
    {
        if (!MayIssue) return Forbid();
        try
        {
            TempData["Flash"] = await action();
            return LocalRedirect($"/t/{tenant}/statements");
        }
        catch (RuleViolation rule)
        {
            ModelState.AddModelError("", rule.Error.Text());
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Vendors = MayDraft ? [.. (await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(ct)).Select(v => (v.Id, v.Name))] : [];
        Statements = await list.PageAsync(new StatementFilter(Status: Status), PortalPageRequest.Of(PageNumber, PageSize), ct);
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
        return File(csv, CsvExport.ContentType, name);
    }

    public static string StatusLabel(IStringLocalizer T, StatementStatus status) => status switch
    {
        StatementStatus.Draft => T["Draft"],
        StatementStatus.Issued => T["Issued"],
        _ => T["Void"],
    };
}
