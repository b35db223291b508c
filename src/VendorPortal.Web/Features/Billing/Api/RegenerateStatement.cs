
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class RegenerateStatementRequest
{
    public Guid Id { get; set; }
    [FromBody] public RegenerateInput Draft { get; set; } = new();
}

public sealed class RegenerateStatementValidator : Validator<RegenerateStatementRequest>
{
    public RegenerateStatementValidator()
    {
        RuleFor(x => x.Draft).NotNull();
        RuleFor(x => x.Draft.TaxRate).InclusiveBetween(0, 1).Must(t => t is null || decimal.Round(t.Value, 6) == t.Value).When(x => x.Draft is not null);
        RuleFor(x => x.Draft.Adjustments).NotNull().Must(a => a.Count <= 50).When(x => x.Draft is not null);
        RuleForEach(x => x.Draft.Adjustments).NotNull().SetValidator(new AdjustmentInputValidator()).When(x => x.Draft?.Adjustments is not null);
    }
}

public sealed class RegenerateStatement(StatementOperations statements) : Endpoint<RegenerateStatementRequest, StatementDetail>
{
    public override void Configure()
    {
        Post("statements/{id}/regenerate");
        Group<TenantGroup>();
        Policies(nameof(Permission.DraftStatements));
        Summary(s => s.Summary = "Recomputes a draft from the current volumes and rate cards, replacing its tax rate and adjustments (send both; an empty list clears them). 409 once issued.");
    }

    public override async Task HandleAsync(RegenerateStatementRequest req, CancellationToken ct)
    {
        await statements.RegenerateAsync(req.Id, req.Draft, ct);
        await Send.OkAsync((await statements.DetailAsync(req.Id, ct))!, ct);
    }
}
