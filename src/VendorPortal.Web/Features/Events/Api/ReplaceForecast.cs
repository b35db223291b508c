
namespace VendorPortal.Web.Features.Events.Api;

public sealed class ReplaceForecastRequest
{
    public Guid EventId { get; set; }
    [FromBody] public ForecastInput Forecast { get; set; } = new();
}

public sealed class ReplaceForecastValidator : Validator<ReplaceForecastRequest>
{
    public ReplaceForecastValidator()
    {
        RuleFor(x => x.Forecast).NotNull();
        RuleFor(x => x.Forecast.Rows).NotEmpty().WithMessage("Send at least one forecast row.").When(x => x.Forecast is not null);
    }
}

public sealed class ReplaceForecast(EventOperations events) : Endpoint<ReplaceForecastRequest, ForecastResult>
{
    public override void Configure()
    {
        Put("events/{eventId}/forecast");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanEvents));
        Options(o => o.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(ForecastImport.MaxBytes)));
        Summary(s =>
        {
            s.Summary = "Replaces the event's forecast, all-or-nothing.";
            s.Description = "Rows: skill (code), date (yyyy-MM-dd, local, inside the event), start (HH:mm, local, on the interval grid), " +
                "contacts (≥ 0) and ahtSeconds. Any bad row stores nothing; the 422 problem names every bad row as rows[index] with the reason " +
                "(unknown skill, date outside the event, start off the grid or skipped by a daylight-saving change, negative contacts, duplicates).";
        });
    }

    public override async Task HandleAsync(ReplaceForecastRequest req, CancellationToken ct)
    {
        var rows = (req.Forecast.Rows ?? []).Select((r, i) => ($"rows[{i}]", r ?? new ForecastRowInput())).ToList();
        var result = await events.ReplaceForecastAsync(req.EventId, rows, [], ct);
        if (result.Errors.Count > 0) throw RowProblem.Refused(result.Errors);
        await Send.OkAsync(result, ct);
    }
}
