
namespace VendorPortal.Web.Features.Training.Api;

public sealed class ListTrainingSessionsRequest : PageRequest
{
    /// <summary>Sessions ending on or after this instant (default: now, so past sessions drop off).</summary>
    [QueryParam] public DateTimeOffset? From { get; set; }
    [QueryParam] public DateTimeOffset? To { get; set; }
    [QueryParam] public Guid? EventId { get; set; }
    [QueryParam] public bool IncludeCancelled { get; set; }
}

public sealed class ListTrainingSessionsValidator : PageRequestValidator<ListTrainingSessionsRequest>;

public sealed class ListTrainingSessions(TrainingSessionList sessions, TimeProvider clock)
    : Endpoint<ListTrainingSessionsRequest, Paged<TrainingSessionResponse>>
{
    public override void Configure()
    {
        Get("training-sessions");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadTraining));
    }

    public override async Task HandleAsync(ListTrainingSessionsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await sessions.PageAsync(new TrainingSessionFilter(
            req.From ?? clock.GetUtcNow(), req.To, req.EventId, req.IncludeCancelled), req, ct), ct);
}
