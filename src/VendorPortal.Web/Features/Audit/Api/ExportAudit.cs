
namespace VendorPortal.Web.Features.Audit.Api;

public sealed class ExportAuditRequest
{
    /// <summary>First day (tenant local, inclusive); empty for the start of the trail.</summary>
    [QueryParam] public DateOnly? From { get; set; }
    /// <summary>Last day (tenant local, inclusive); empty for no end.</summary>
    [QueryParam] public DateOnly? To { get; set; }
    [QueryParam] public string? EntityType { get; set; }
}

public sealed class ExportAuditValidator : Validator<ExportAuditRequest>
{
    public ExportAuditValidator()
    {
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null)
            .WithMessage("The range must end on or after its first day.");
        RuleFor(x => x.EntityType).MaximumLength(100);
    }
}

public sealed class ExportAudit(AuditExport export) : Endpoint<ExportAuditRequest>
{
    public override void Configure()
    {
        Get("audit/export");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadAudit));
        Description(b => b.ClearDefaultProduces(200).Produces(200, typeof(string), "text/csv"));
        Summary(s =>
        {
            s.Summary = "The audit trail as CSV for a range of the tenant's local dates (from and to inclusive), newest first.";
            s.Description = $"UTF-8 with BOM; text that a spreadsheet would run as a formula starts with '. At most {CsvExport.MaxRows:N0} rows: a larger export answers 422.";
        });
    }

    public override Task HandleAsync(ExportAuditRequest req, CancellationToken ct) =>
        export.SendAsync(HttpContext.Response, new AuditFilter(req.From, req.To, req.EntityType), ct);
}
