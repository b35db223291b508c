
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class CreateRateCard(RateCardOperations cards) : Endpoint<RateCardInput, RateCardResponse>
{
    public override void Configure()
    {
        Post("rate-cards");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageRateCards));
        Description(b => b.ClearDefaultProduces(200).Produces<RateCardResponse>(201));
        Summary(s => s.Summary = "Adds a rate card in the tenant's currency: graduated tiers (price per contact, up to four decimals), optional monthly minimum. 409 when it would overlap another card of the same vendor and skill.");
    }

    public override async Task HandleAsync(RateCardInput req, CancellationToken ct)
    {
        var card = await cards.CreateAsync(req, ct);
        await Send.ResponseAsync((await cards.FindAsync(card.Id, ct))!, StatusCodes.Status201Created, ct);
    }
}
