
using Microsoft.AspNetCore.Mvc;
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class ImportAgents(AgentImport import) : EndpointWithoutRequest<ImportResult>
{
    public override void Configure()
    {
        Post("agents/import");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageAgents));
        Options(o => o.WithMetadata(new RequestSizeLimitAttribute(AgentImport.MaxBytes)));
        // Not an Accepts filter: routing would refuse other media types before authentication and tenancy run.
        Description(b => b.WithMetadata(new CsvUpload()));
        Summary(s =>
        {
            s.Summary = "Creates or updates agents from CSV, all-or-nothing.";
            s.Description = "Send the file as text/csv or as the 'file' field of a form (20 MiB, 50,000 rows at most). " +
                "Columns: externalRef, displayName, skills, languages, status, maxWeeklyHours, notes. " +
                "Query: vendorId (tenant staff), dryRun=true to preview. A file with any bad row stores nothing and answers 422 problem details naming every bad line.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var vendorId = Query<Guid?>("vendorId", isRequired: false);
        var dryRun = Query<bool?>("dryRun", isRequired: false) ?? false;
        var result = await CsvUpload.ReadAsync(HttpContext.Request, csv => import.RunAsync(csv, vendorId, dryRun, ct), ct);
        if (result.Errors.Count > 0) throw RuleViolation.ForRows([.. result.Errors.Select(p => ($"line {p.Line}", p.Error))]);
        await Send.OkAsync(result, ct);
    }
}
