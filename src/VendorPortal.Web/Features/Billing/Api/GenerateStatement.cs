
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class GenerateStatement(StatementOperations statements) : Endpoint<StatementInput, StatementDetail>
{
    public override void Configure()
    {
        Post("statements");
        Group<TenantGroup>();
        Policies(nameof(Permission.DraftStatements));
        Description(b => b.ClearDefaultProduces(200).Produces<StatementDetail>(201));
        Summary(s => s.Summary = "Drafts a vendor's statement for a month (yyyy-MM) or custom dates: lines per skill, tier and rate card (optionally per day), each rounded once; adjustments, optional tax. 422 when contacts have no rate card; 409 when another statement covers the period.");
    }

    public override async Task HandleAsync(StatementInput req, CancellationToken ct)
    {
        var statement = await statements.GenerateAsync(req, ct);
        await Send.ResponseAsync((await statements.DetailAsync(statement.Id, ct))!, StatusCodes.Status201Created, ct);
    }
}
