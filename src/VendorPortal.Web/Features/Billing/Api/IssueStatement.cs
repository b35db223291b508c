using System.Text.Json.Serialization;

namespace VendorPortal.Web.Features.Billing.Api;

public sealed class IssueStatementRequest
{
    public Guid Id { get; set; }
    /// <summary>The draft total the caller reviewed; a draft regenerated since then is not issued (409).</summary>
    [JsonRequired] public decimal ExpectedTotal { get; set; }
}

public sealed class IssueStatementValidator : Validator<IssueStatementRequest>;

public sealed class IssueStatement(StatementOperations statements) : Endpoint<IssueStatementRequest, StatementDetail>
{
    public override void Configure()
    {
        Post("statements/{id}/issue");
        Group<TenantGroup>();
        Policies(nameof(Permission.IssueStatements));
        Summary(s => s.Summary = "Issues a draft: numbers it (yyyy-nnnn per tenant and year, gap-free), fixes its content hash and stores its PDF; from then on it never changes.");
    }

    public override async Task HandleAsync(IssueStatementRequest req, CancellationToken ct)
    {
        await statements.IssueAsync(req.Id, req.ExpectedTotal, ct);
        await Send.OkAsync((await statements.DetailAsync(req.Id, ct))!, ct);
    }
}
