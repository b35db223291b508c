namespace VendorPortal.Web.Features.Training;

/// <summary>
/// The training sessions list's filters: sessions ending on or after <see cref="From"/> (none: any time) and starting by
/// <see cref="To"/>; cancelled ones only when asked; in time order, or newest first for the history.
/// </summary>
public sealed record TrainingSessionFilter(
    DateTimeOffset? From = null, DateTimeOffset? To = null, Guid? EventId = null, bool IncludeCancelled = false, bool NewestFirst = false);

/// <summary>The training sessions list, read by the API and the portal.</summary>
public sealed class TrainingSessionList(AppDbContext db, TrainingReads reads)
{
    public Task<Paged<TrainingSessionResponse>> PageAsync(TrainingSessionFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.TrainingSessions.AsNoTracking();
        if (filter.EventId is { } eventId) query = query.Where(s => s.EventId == eventId);
        if (filter.From is { } from) query = query.Where(s => s.EndsAt >= from);
        if (filter.To is { } to) query = query.Where(s => s.StartsAt <= to);
        if (!filter.IncludeCancelled) query = query.Where(s => s.Status == TrainingSessionStatus.Scheduled);
        return query.OrderBy(s => s.StartsAt, descending: filter.NewestFirst).ThenBy(s => s.Id).ToPageAsync(page, reads.SessionsAsync, ct);
    }
}
