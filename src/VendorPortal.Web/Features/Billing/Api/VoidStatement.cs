
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class VoidStatementRequest
{
    public Guid Id { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class VoidStatementValidator : Validator<VoidStatementRequest>
{
    public VoidStatementValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(400);
}

public sealed class VoidStatement(StatementOperations statements) : Endpoint<VoidStatementRequest, StatementDetail>
{
    public override void Configure()
    {
        Post("statements/{id}/void");
        Group<TenantGroup>();
        Policies(nameof(Permission.IssueStatements));
        Summary(s => s.Summary = "Voids a statement with a reason; its number stays used and its PDF is stamped VOID. Correct by drafting and issuing a new statement.");
    }

    public override async Task HandleAsync(VoidStatementRequest req, CancellationToken ct)
    {
        await statements.VoidAsync(req.Id, req.Reason, ct);
        await Send.OkAsync((await statements.DetailAsync(req.Id, ct))!, ct);
    }
}
