using System.Text;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Agents.Pages;

public sealed record ImportLineError(long Line, IReadOnlyList<string> Problems);

[Authorize(Policy = nameof(Permission.ManageAgents))]
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class ImportModel(
    AppDbContext db, AgentImport import, TimeProvider clock, IStringLocalizer<SharedResource> T) : PageModel
{
    // The file may be as large as the import allows; the form around it adds a little.
    private const long MaxRequestBytes = AgentImport.MaxBytes + 64 * 1024;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public Guid? VendorId { get; set; }
    [BindProperty] public Guid? Token { get; set; }
    [BindProperty] public string? FileName { get; set; }

    public ImportResult? Result { get; private set; }
    public IReadOnlyList<ImportLineError> Errors { get; private set; } = [];
    public IReadOnlyDictionary<Guid, string> Vendors { get; private set; } = new Dictionary<Guid, string>();
    public bool PicksVendor => !db.Scope!.IsVendor;
    public bool CanStore => Result is { Errors.Count: 0, Rows: > 0 } && Token is not null;

    private ImportUploads Uploads => new(db, clock);

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    /// <summary>A file to start from: the header and two agents, one with a Chinese name, using this tenant's skill codes.</summary>
    public async Task<IActionResult> OnGetSampleAsync(CancellationToken ct)
    {
        var codes = await db.Skills.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Code).Take(2).ToListAsync(ct);
        var first = codes.Count > 0 ? codes[0] : "";
        var both = string.Join(";", codes);
        var csv = new StringBuilder()
            .Append("externalRef,displayName,skills,languages,status,maxWeeklyHours,notes\r\n")
            .Append($"A1001,Amy Lin,{both},en;zh,active,24,Prefers evening shifts\r\n")
            .Append($"A1002,王芳,{first},zh,active,16,\"Weekends only, from 18:00\"\r\n")
            .ToString();
        // With the byte-order mark, Excel opens the Chinese name correctly.
        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray(), "text/csv; charset=utf-8", "agents-sample.csv");
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        Token = null;
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), T["Choose a CSV file to upload."]);
            return Page();
        }
        if (Upload.Length > AgentImport.MaxBytes)
        {
            ModelState.AddModelError(nameof(Upload), T["The file is larger than {0} MiB; split it.", AgentImport.MaxBytes / 1024 / 1024]);
            return Page();
        }
        FileName = Path.GetFileName(Upload.FileName);
        var scope = db.Scope!;
        await using (var upload = Upload.OpenReadStream())
            Token = await Uploads.SaveAsync(scope, upload, ct);
        var token = Token.Value;
        await RunAsync(token, dryRun: true, ct);
        // A file that cannot be stored is not kept: the person fixes it and uploads it again.
        if (!CanStore) await Uploads.DeleteAsync(scope, token, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostStoreAsync(string tenant, CancellationToken ct)
    {
        await LoadAsync(ct);
        if (Token is not { } token)
        {
            ModelState.AddModelError(nameof(Upload), T["Choose a CSV file to upload."]);
            return Page();
        }
        await RunAsync(token, dryRun: false, ct);
        await Uploads.DeleteAsync(db.Scope!, token, ct);
        if (Result is not { Stored: true } stored)
        {
            Token = null;
            return Page();
        }
        TempData["Flash"] = T["Imported {0} agents: {1} new, {2} updated.", stored.Rows, stored.Created, stored.Updated].Value;
        return LocalRedirect($"/t/{tenant}/agents");
    }

    private async Task RunAsync(Guid token, bool dryRun, CancellationToken ct)
    {
        var scope = db.Scope!;
        await using var csv = await Uploads.OpenAsync(scope, token, ct);
        if (csv is null)
        {
            Token = null;
            ModelState.AddModelError(nameof(Upload), T["The uploaded file has expired. Choose it again."]);
            return;
        }
        try
        {
            Result = await import.RunAsync(csv, scope.IsVendor ? null : VendorId, dryRun, ct);
            Errors = [.. Result.Errors.Select(e => new ImportLineError(e.Line, [.. e.Error.Parts.Select(p => p.Text())]))];
        }
        catch (RuleViolation rule)
        {
            Token = null;
            ModelState.Add(rule, "", rule.Field == "vendorId" ? T["Choose the vendor whose agents these are."].Value : null);
        }
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (PicksVendor)
            Vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
    }
}
