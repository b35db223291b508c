
using Microsoft.AspNetCore.Mvc;
namespace VendorPortal.Web.Features.Billing.Api;

public sealed class ImportContactVolumes(ContactVolumeOperations volumes) : EndpointWithoutRequest<VolumeUpsertResult>
{
    public override void Configure()
    {
        Post("contact-volumes/import");
        Group<TenantGroup>();
        Policies(nameof(Permission.RecordContactVolumes));
        Options(o => o.WithMetadata(new RequestSizeLimitAttribute(ContactVolumeOperations.MaxCsvBytes)));
        Description(b => b.WithMetadata(new CsvUpload()));
        Summary(s =>
        {
            s.Summary = "Stores contact volumes from CSV, all-or-nothing (the same upsert as POST /contact-volumes).";
            s.Description = "Send the file as text/csv or as the 'file' field of a form (20 MiB, 100,000 rows at most). " +
                "Columns: skill, date (yyyy-MM-dd), interval (HH:mm, optional), handled, offered, answered, averageHandleSeconds, complaints. " +
                "Query: vendorId (tenant staff), dryRun=true to check only. A file with any bad row stores nothing and answers 422 naming every bad line.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var vendorId = Query<Guid?>("vendorId", isRequired: false);
        var dryRun = Query<bool?>("dryRun", isRequired: false) ?? false;
        var result = await CsvUpload.ReadAsync(HttpContext.Request, csv => volumes.ImportAsync(csv, vendorId, dryRun, ct), ct);
        if (result.Errors.Count > 0) throw RowProblem.Refused(result.Errors);
        await Send.OkAsync(result, ct);
    }
}
