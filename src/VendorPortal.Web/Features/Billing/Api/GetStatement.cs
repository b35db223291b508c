
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class StatementRouteRequest
{
    public Guid Id { get; set; }
}

public sealed class GetStatement(StatementOperations statements) : Endpoint<StatementRouteRequest, StatementDetail>
{
    public override void Configure()
    {
        Get("statements/{id}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s => s.Summary = "A statement with its lines and adjustments; vendor managers see their own vendor's only.");
    }

    public override async Task HandleAsync(StatementRouteRequest req, CancellationToken ct) =>
        await Send.OkAsync(await statements.DetailAsync(req.Id, ct) ?? throw new NotFound(Thing.Statement), ct);
}
