
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class UpdateRateCardRequest
{
    public Guid Id { get; set; }
    [FromBody] public RateCardInput Card { get; set; } = new();
}

public sealed class UpdateRateCardValidator : Validator<UpdateRateCardRequest>
{
    public UpdateRateCardValidator() => RuleFor(x => x.Card).NotNull().SetValidator(new RateCardInputValidator());
}

public sealed class UpdateRateCard(RateCardOperations cards) : Endpoint<UpdateRateCardRequest, RateCardResponse>
{
    public override void Configure()
    {
        Put("rate-cards/{id}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageRateCards));
        Summary(s => s.Summary = "Changes a rate card (e.g. ends it so a new one can start). Issued statements keep the prices they were issued with.");
    }

    public override async Task HandleAsync(UpdateRateCardRequest req, CancellationToken ct)
    {
        await cards.UpdateAsync(req.Id, req.Card, ct);
        await Send.OkAsync((await cards.FindAsync(req.Id, ct))!, ct);
    }
}
