using Microsoft.AspNetCore.Mvc;
namespace VendorPortal.Web.Features.Events.Api;

public sealed class ImportInHouse(InHouseImport import) : EndpointWithoutRequest<InHouseResult>
{
    public override void Configure()
    {
        Post("events/{eventId}/in-house/import");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanSurge));
        Options(o => o.WithMetadata(new RequestSizeLimitAttribute(InHouseImport.MaxBytes)));
        // Not an Accepts filter: routing would refuse other media types before authentication and tenancy run.
        Description(b => b.WithMetadata(new CsvUpload()));
        Summary(s =>
        {
            s.Summary = "Replaces the event's in-house schedule from CSV, all-or-nothing.";
            s.Description = "Send the file as text/csv or as the 'file' field of a form. Columns: skill (code), date (yyyy-MM-dd), start (HH:mm), " +
                "agents (a whole number). A file with any bad row stores nothing and answers 422 problem details naming every bad line.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var eventId = Route<Guid>("eventId");
        var result = await CsvUpload.ReadAsync(HttpContext.Request, csv => import.RunAsync(eventId, csv, ct), ct);
        if (result.Errors.Count > 0) throw RowProblem.Refused(result.Errors);
        await Send.OkAsync(result, ct);
    }
}
