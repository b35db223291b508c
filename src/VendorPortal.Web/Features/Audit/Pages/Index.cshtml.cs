using System.Text.Json;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using VendorPortal.Web.Features.Audit;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Features.Audit.Pages;

public sealed record ChangedValue(string Field, string Value);

[Authorize(Policy = nameof(Permission.ReadAudit))]
public sealed class IndexModel(AppDbContext db, AuditList list, TenantSettingsOperations settings, AuditExport export) : PageModel
{
    private const int MaxValueLength = 60;

    [FromQuery(Name = "type")] public string? EntityType { get; set; }
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public Paged<AuditRow> Entries { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);
    public IReadOnlyList<string> EntityTypes { get; private set; } = [];
    public TenantTime Time { get; private set; } = TenantTime.Utc;

    public async Task OnGetAsync(CancellationToken ct)
    {
        Time = TenantTime.Of(await settings.CurrentAsync(ct));
        EntityTypes = await db.AuditEntries.AsNoTracking().Select(a => a.EntityType).Distinct().OrderBy(t => t).ToListAsync(ct);
        Entries = await list.PageAsync(Filter, PortalPageRequest.Of(PageNumber, PageSize), ct);
    }

    // A range given backwards is read the right way round rather than showing nothing.
    private AuditFilter Filter => From > To ? new(To, From, EntityType) : new(From, To, EntityType);

    /// <summary>Set when an export was refused (too many rows): the list shows why instead.</summary>
    public bool ExportTooLarge { get; private set; }

    /// <summary>The CSV of the entries the page lists, with its current filters.</summary>
    public string ExportUrl(string root) => QueryHelpers.AddQueryString($"{root}/audit", new Dictionary<string, string?>
    {
        ["handler"] = "csv", ["type"] = EntityType,
        ["from"] = From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), ["to"] = To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrWhiteSpace(p.Value)));

    public Task<IActionResult> OnGetCsvAsync(CancellationToken ct) =>
        this.CsvOrListAsync(() => export.SendAsync(Response, Filter, ct), () => { ExportTooLarge = true; return OnGetAsync(ct); });

    /// <summary>The changed values on one line each: creation and update times are already in the When column.</summary>
    public static IReadOnlyList<ChangedValue> Describe(string changes)
    {
        try
        {
            using var json = JsonDocument.Parse(changes);
            if (json.RootElement.ValueKind != JsonValueKind.Object) return [new("", Shorten(changes))];
            return [.. json.RootElement.EnumerateObject()
                .Where(p => p.Name is not ("CreatedAt" or "UpdatedAt") && p.Value.ValueKind != JsonValueKind.Null)
                .Select(p => new ChangedValue(p.Name, Value(p.Value)))];
        }
        catch (JsonException)
        {
            return [new("", Shorten(changes))];
        }
    }

    private static string Value(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object when value.TryGetProperty("from", out var from) && value.TryGetProperty("to", out var to) =>
            $"{Value(from)} → {Value(to)}",
        JsonValueKind.String when Guid.TryParse(value.GetString(), out var id) => id.ToString()[..8] + "…",
        JsonValueKind.String => Shorten(value.GetString() ?? ""),
        JsonValueKind.Null => "∅",
        _ => Shorten(value.GetRawText()),
    };

    private static string Shorten(string text) => text.Length <= MaxValueLength ? text : text[..(MaxValueLength - 1)] + "…";
}
