using VendorPortal.Web.Features.Identity;

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

public sealed class ListTrainingSessions(AppDbContext db, TrainingReads reads, TimeProvider clock)
    : Endpoint<ListTrainingSessionsRequest, Paged<TrainingSessionResponse>>
{
    public override void Configure()
    {
        Get("training-sessions");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadTraining));
    }

    public override async Task HandleAsync(ListTrainingSessionsRequest req, CancellationToken ct)
    {
        var from = req.From ?? clock.GetUtcNow();
        var query = db.TrainingSessions.Where(s => s.EndsAt >= from);
        if (req.To is { } to) query = query.Where(s => s.StartsAt <= to);
        if (req.EventId is { } eventId) query = query.Where(s => s.EventId == eventId);
        if (!req.IncludeCancelled) query = query.Where(s => s.Status == TrainingSessionStatus.Scheduled);
        query = query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id);
        var total = await query.CountAsync(ct);
        var items = await reads.SessionsAsync(query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize), ct);
        await Send.OkAsync(new Paged<TrainingSessionResponse>(items, req.Page, req.PageSize, total), ct);
    }
}
