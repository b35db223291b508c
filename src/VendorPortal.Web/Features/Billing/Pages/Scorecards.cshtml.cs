using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using VendorPortal.Web.Features.Identity;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;

namespace VendorPortal.Web.Features.Billing.Pages;

/// <summary>Vendor scorecards for a range of local dates (default: last month), the same figures as GET /scorecards.</summary>
public sealed class ScorecardsModel(AppDbContext db, Scorecards scorecards, TimeProvider clock) : PageModel
{
    [FromQuery(Name = "from")] public DateOnly? From { get; set; }
    [FromQuery(Name = "to")] public DateOnly? To { get; set; }

    public IReadOnlyList<VendorScorecard> Cards { get; private set; } = [];

    /// <summary>Cost per contact per vendor for each of the last six full months, oldest first.</summary>
    public IReadOnlyList<DateOnly> TrendMonths { get; private set; } = [];
    public IReadOnlyList<(string Vendor, IReadOnlyList<decimal?> CostPerContact)> Trend { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope!.May(Permission.ReadBilling)) return Forbid();
        var zone = await db.TenantZoneAsync(ct);
        var today = DateOnly.FromDateTime(TenantTime.ToLocal(clock.GetUtcNow(), zone).DateTime);
        var firstOfMonth = new DateOnly(today.Year, today.Month, 1);
        From ??= firstOfMonth.AddMonths(-1);
        To ??= firstOfMonth.AddDays(-1);
        if (To < From || To.Value.DayNumber - From.Value.DayNumber >= 366) (From, To) = (firstOfMonth.AddMonths(-1), firstOfMonth.AddDays(-1));
        var vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Take(PageRequest.MaxPageSize).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var named = vendors.Select(v => (v.Id, v.Name)).ToList();
        Cards = await scorecards.ForAsync(named, From.Value, To.Value, ct);

        TrendMonths = [.. Enumerable.Range(1, 6).Select(i => firstOfMonth.AddMonths(-7 + i))];
        var monthly = new List<List<VendorScorecard>>();
        foreach (var month in TrendMonths)
            monthly.Add(await scorecards.ForAsync(named, month, month.AddMonths(1).AddDays(-1), ct));
        Trend = [.. named.Select((v, i) => (v.Name, (IReadOnlyList<decimal?>)[.. monthly.Select(m => m[i].CostPerContact)]))
            .Where(t => t.Item2.Any(c => c is not null))];
        return Page();
    }

    public static string Rate(decimal? fraction) =>
        fraction is { } f ? (f * 100).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + " %" : "—";
}
