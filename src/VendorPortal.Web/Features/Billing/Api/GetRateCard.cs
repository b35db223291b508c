
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class RateCardRouteRequest
{
    public Guid Id { get; set; }
}

public sealed class GetRateCard(RateCardOperations cards) : Endpoint<RateCardRouteRequest, RateCardResponse>
{
    public override void Configure()
    {
        Get("rate-cards/{id}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s => s.Summary = "One rate card; a vendor's managers see only their own vendor's cards.");
    }

    public override async Task HandleAsync(RateCardRouteRequest req, CancellationToken ct) =>
        await Send.OkAsync(await cards.FindAsync(req.Id, ct) ?? throw new NotFound(Thing.RateCard), ct);
}
