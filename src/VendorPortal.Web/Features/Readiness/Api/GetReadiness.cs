
namespace VendorPortal.Web.Features.Readiness.Api;

public sealed class GetReadinessRequest : PageRequest
{
    [QueryParam] public Guid? EventId { get; set; }
    /// <summary>Planners and tenant admins: one vendor's shifts only.</summary>
    [QueryParam] public Guid? VendorId { get; set; }
    /// <summary>Shifts ending on or after this instant (default: now, so shifts that are over drop off).</summary>
    [QueryParam] public DateTimeOffset? From { get; set; }
    /// <summary>Shifts starting on or before this instant (default: 30 days from now when no event is given, else no limit).</summary>
    [QueryParam] public DateTimeOffset? To { get; set; }
    /// <summary>Only shifts of this status; the summary still counts every shift matched.</summary>
    [QueryParam] public ReadinessStatus? Status { get; set; }
}

public sealed class GetReadinessValidator : PageRequestValidator<GetReadinessRequest>
{
    public GetReadinessValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.To).GreaterThanOrEqualTo(x => x.From).When(x => x.From is not null && x.To is not null).WithMessage("'to' must not be before 'from'.");
    }
}

public sealed class GetReadiness(ReadinessList readiness) : Endpoint<GetReadinessRequest, ReadinessPage>
{
    public override void Configure()
    {
        Get("readiness");
        Group<TenantGroup>();
        Policies(nameof(Permission.WatchReadiness));
        Summary(s =>
        {
            s.Summary = "Per scheduled shift: required, assigned, confirmed, confirmed-and-trained, expected attendance, probability of reaching the requirement, status green|amber|red and the reasons it is not green.";
            s.Description =
                "Shifts not yet ended (from/to to choose), of one event or, without eventId, starting within 30 days; a vendor manager sees their vendor's. " +
                "required is the headcount; assigned counts assigned and confirmed agents; confirmedAndTrained counts confirmed agents with a passed training " +
                "for this event (or for no event) covering the shift's skill, still valid at the shift's start. showRate is the vendor's attended / recorded " +
                "attendance of confirmed agents on shifts started in the last 180 days, smoothed toward a prior of 0.9 worth 10 records: (attended + 9) / (recorded + 10). " +
                "expectedAttendance = confirmed × showRate; probability = P[attendees ≥ required] with attendees ~ Binomial(confirmed, showRate), 0 when confirmed < required. " +
                "status: red when the confirm-by time has passed with confirmed < required, or when assigned < required and the shift starts within the tenant's " +
                "largest alert lead time; green when confirmed ≥ ceil(required × confirmedAlertPercent / 100), confirmedAndTrained ≥ " +
                "ceil(required × trainedAlertPercent / 100) and probability ≥ 0.8; amber otherwise. thresholds echoes the settings used. " +
                "summary counts every shift matched, whatever the status filter and page.";
        });
    }

    public override async Task HandleAsync(GetReadinessRequest req, CancellationToken ct) =>
        await Send.OkAsync(await readiness.PageAsync(new ReadinessFilter(req.EventId, req.VendorId, req.From, req.To, req.Status), req, ct), ct);
}
