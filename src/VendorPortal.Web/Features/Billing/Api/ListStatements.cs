
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class ListStatementsRequest : PageRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public StatementStatus? Status { get; set; }
    /// <summary>Statements whose period ends on or after this local date.</summary>
    [QueryParam] public DateOnly? From { get; set; }
    /// <summary>Statements whose period starts on or before this local date.</summary>
    [QueryParam] public DateOnly? To { get; set; }
}

public sealed class ListStatementsValidator : PageRequestValidator<ListStatementsRequest>;

public sealed class ListStatements(StatementList statements) : Endpoint<ListStatementsRequest, Paged<StatementResponse>>
{
    public override void Configure()
    {
        Get("statements");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Summary(s => s.Summary = "Lists statements, newest period first; vendor managers see their own vendor's only.");
    }

    public override async Task HandleAsync(ListStatementsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await statements.PageAsync(new StatementFilter(req.VendorId, req.Status, req.From, req.To), req, ct), ct);
}
