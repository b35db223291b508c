using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Billing.Pages;

/// <summary>Vendor scorecards for a range of local dates (default: last month), the same figures as GET /scorecards.</summary>
public sealed class ScorecardsModel(AppDbContext db, ScorecardList list, Scorecards scorecards, TimeProvider clock) : PageModel
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
        Cards = (await list.PageAsync(new ScorecardFilter(From.Value, To.Value), PortalPageRequest.Of(1, PageRequest.MaxPageSize), ct)).Items;
        var named = Cards.Select(c => (Id: c.VendorId, Name: c.VendorName)).ToList();

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
