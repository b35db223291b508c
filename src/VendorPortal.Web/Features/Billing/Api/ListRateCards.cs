
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class ListRateCardsRequest : PageRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public string? Skill { get; set; }
    /// <summary>Only cards in effect on this local date.</summary>
    [QueryParam] public DateOnly? On { get; set; }
}

public sealed class ListRateCardsValidator : PageRequestValidator<ListRateCardsRequest>;

public sealed class ListRateCards(RateCardList cards) : Endpoint<ListRateCardsRequest, Paged<RateCardResponse>>
{
    public override void Configure()
    {
        Get("rate-cards");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s => s.Summary = "Lists rate cards by vendor, skill and start date; a vendor's managers see only their own.");
    }

    public override async Task HandleAsync(ListRateCardsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await cards.PageAsync(new RateCardFilter(req.VendorId, req.Skill, req.On), req, ct), ct);
}
