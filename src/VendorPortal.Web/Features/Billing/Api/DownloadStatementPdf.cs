
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class DownloadStatementPdf(StatementOperations statements) : Endpoint<StatementRouteRequest>
{
    public override void Configure()
    {
        Get("statements/{id}/pdf");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadBilling));
        Description(b => b.ClearDefaultProduces(200).Produces(200, typeof(byte[]), "application/pdf"));
        Summary(s => s.Summary = "The statement as PDF: an issued statement returns the bytes stored at issue (stamped VOID once voided); a draft is drawn fresh with a DRAFT watermark.");
    }

    public override async Task HandleAsync(StatementRouteRequest req, CancellationToken ct)
    {
        var (pdf, name) = await statements.PdfAsync(req.Id, ct);
        await Send.BytesAsync(pdf, name, "application/pdf", cancellation: ct);
    }
}
