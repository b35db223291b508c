
namespace VendorPortal.Web.Features.Alerts.Api;

public sealed class ListAlertsRequest : PageRequest
{
    /// <summary>open (default: neither acknowledged nor resolved), acknowledged (and not resolved), resolved, or all.</summary>
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
                "raised it; leadHours is the lead time that fired. Each alert is raised once: for a shift, only the latest lead time that has passed raises. " +
                "Each scan resolves alerts whose condition no longer holds (resolvedAt), acknowledged or not; a resolved alert whose condition comes back is " +
                "reopened (createdAt moves to then, acknowledgement cleared). escalatedAt: when an unacknowledged confirmationsOverdue alert was e-mailed " +
                "to the tenant's admins after alertEscalationMinutes.";
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

/// <summary>What one scan changed: alerts raised (new or reopened), resolved, and escalated to the tenant's admins.</summary>
public sealed record AlertScanResponse(int Raised, int Resolved, int Escalated);

public sealed class EvaluateAlertsNow(AlertOperations alerts) : EndpointWithoutRequest<AlertScanResponse>
{
    public override void Configure()
    {
        Post("alerts/evaluate");
        Group<TenantGroup>();
        Policies(nameof(Permission.RunAlertScan));
        Summary(s =>
        {
            s.Summary = "Runs the tenant's alert scan now (no body), as the scheduled one does every 15 minutes, and answers what it changed.";
            s.Description =
                "raised: alerts raised, or reopened because a resolved alert's condition came back (each is e-mailed to the vendor's managers and the planners). " +
                "resolved: alerts whose condition no longer holds (the shift was cancelled, ended or moved out of the lead time, or has the agents it needs; " +
                "the pool is back on target). escalated: open confirmationsOverdue alerts nobody acknowledged within the tenant's alertEscalationMinutes, " +
                "now e-mailed to the tenant's admins. Running it again at once answers zeros.";
        });
    }

    public override async Task HandleAsync(CancellationToken ct)
    {
        var scan = await alerts.EvaluateAsync(ct);
        await Send.OkAsync(new AlertScanResponse(scan.Raised.Count, scan.Resolved.Count, scan.Escalated.Count), ct);
    }
}
