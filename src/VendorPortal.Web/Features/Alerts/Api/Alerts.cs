
namespace VendorPortal.Web.Features.Alerts.Api;

public sealed class ListAlertsRequest : PageRequest
{
    /// <summary>open (default), acknowledged or all.</summary>
    [QueryParam] public AlertState Status { get; set; } = AlertState.Open;
    [QueryParam] public AlertKind? Kind { get; set; }
    /// <summary>Only alerts about shifts of this event.</summary>
    [QueryParam] public Guid? EventId { get; set; }
}

public sealed class ListAlertsValidator : PageRequestValidator<ListAlertsRequest>
{
    public ListAlertsValidator()
    {
        RuleFor(x => x.Status).IsInEnum();
        RuleFor(x => x.Kind).IsInEnum();
    }
}

public sealed class ListAlerts(AlertList alerts) : Endpoint<ListAlertsRequest, Paged<AlertResponse>>
{
    public override void Configure()
    {
        Get("alerts");
        Group<TenantGroup>();
        Policies(nameof(Permission.WatchReadiness));
        Summary(s =>
        {
            s.Summary = "Readiness alerts, newest first; a vendor manager sees their own vendor's.";
            s.Description =
                "kind: confirmationsShort (a lead time of the tenant's alertLeadHours has passed and confirmed < ceil(required × confirmedAlertPercent / 100)), " +
                "trainingShort (confirmedAndTrained < ceil(required × trainedAlertPercent / 100)), confirmationsOverdue (the confirm-by time passed with " +
                "confirmed < required), poolShallow (the vendor's trained reserve for the skill is below target). actual and needed are the figures that " +
                "raised it; leadHours is the lead time that fired. Each alert is raised once: for a shift, only the latest lead time that has passed raises.";
        });
    }

    public override async Task HandleAsync(ListAlertsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await alerts.PageAsync(new AlertFilter(req.Status, req.Kind, req.EventId), req, ct), ct);
}

public sealed class AcknowledgeAlert(AlertOperations alerts) : EndpointWithoutRequest<AlertResponse>
{
    public override void Configure()
    {
        Post("alerts/{id}/acknowledge");
        Group<TenantGroup>();
        Policies(nameof(Permission.WatchReadiness));
        Summary(s => s.Summary = "Marks the alert acknowledged (no body); acknowledging it again changes nothing. Another vendor's alert is not found (404).");
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(await alerts.AcknowledgeAsync(Route<Guid>("id"), ct), ct);
}
