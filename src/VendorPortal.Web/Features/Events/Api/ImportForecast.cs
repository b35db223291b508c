
using Microsoft.AspNetCore.Mvc;
namespace VendorPortal.Web.Features.Events.Api;

public sealed class ImportForecast(ForecastImport import) : EndpointWithoutRequest<ForecastResult>
{
    public override void Configure()
    {
        Post("events/{eventId}/forecast/import");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanEvents));
        Options(o => o.WithMetadata(new RequestSizeLimitAttribute(ForecastImport.MaxBytes)));
        // Not an Accepts filter: routing would refuse other media types before authentication and tenancy run.
        Description(b => b.WithMetadata(new CsvUpload()));
        Summary(s =>
        {
            s.Summary = "Replaces the event's forecast from CSV, all-or-nothing.";
            s.Description = "Send the file as text/csv or as the 'file' field of a form. Columns: skill, date (yyyy-MM-dd), start (HH:mm), " +
                "contacts, ahtSeconds. A file with any bad row stores nothing and answers 422 problem details naming every bad line.";
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
