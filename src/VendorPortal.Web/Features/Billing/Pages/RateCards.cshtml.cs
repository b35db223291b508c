using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Billing.Pages;

/// <summary>Rate cards, read-only (finance keeps them through the API); a vendor's managers see their own.</summary>
public sealed class RateCardsModel(AppDbContext db, RateCardList cards) : PageModel
{
    [FromQuery(Name = "page")] public int PageNumber { get; set; } = 1;
    [FromQuery(Name = "pageSize")] public int PageSize { get; set; } = PortalPageRequest.DefaultPageSize;

    public Paged<RateCardResponse> Cards { get; private set; } = new([], 1, PortalPageRequest.DefaultPageSize, 0);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!db.Scope!.May(Permission.ReadBilling)) return Forbid();
        Cards = await cards.PageAsync(new RateCardFilter(LatestFirst: true), PortalPageRequest.Of(PageNumber, PageSize), ct);
        return Page();
    }

    public static string Tiers(RateCardResponse card)
    {
        long previous = 0;
        var parts = new List<string>();
        foreach (var t in card.Tiers)
        {
            parts.Add(t.UpTo is { } upTo
                ? $"{Money.Count(previous + 1)}–{Money.Count(upTo)}: {Money.Price(t.UnitPrice)}"
                : $"{Money.Count(previous + 1)}+: {Money.Price(t.UnitPrice)}");
            previous = t.UpTo ?? previous;
        }
        return string.Join(" · ", parts);
    }
}
