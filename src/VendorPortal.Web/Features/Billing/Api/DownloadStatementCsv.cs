
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class DownloadStatementCsv(StatementOperations statements) : Endpoint<StatementRouteRequest>
{
    public override void Configure()
    {
        Get("statements/{id}/csv");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Description(b => b.ClearDefaultProduces(200).Produces(200, typeof(string), "text/csv"));
        Summary(s => s.Summary = "The statement's lines, adjustments, tax and total as CSV (UTF-8 with BOM, invariant numbers, formula-like text neutralised); the same figures as the PDF. Its SHA-256 is the issued statement's content hash.");
    }

    public override async Task HandleAsync(StatementRouteRequest req, CancellationToken ct)
    {
        var (csv, name) = await statements.CsvAsync(req.Id, ct);
        await Send.BytesAsync(csv, name, CsvExport.ContentType, cancellation: ct);
    }
}
