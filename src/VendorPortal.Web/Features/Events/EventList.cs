namespace VendorPortal.Web.Features.Events;

public sealed record EventFilter(bool IncludeClosed = true);

/// <summary>The surge events list, latest first, read by the API and the portal.</summary>
public sealed class EventList(AppDbContext db)
{
    public Task<Paged<EventResponse>> PageAsync(EventFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking();
        if (!filter.IncludeClosed) query = query.Where(e => e.Status != EventStatus.Closed);
        return query.OrderByDescending(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new EventResponse(
                e.Id, e.Name, e.StartDate, e.EndDate, e.Description, e.Status, e.IntervalMinutes, e.ServiceLevel, e.TargetSeconds,
                e.Shrinkage, e.MaxOccupancy, db.ForecastIntervals.Count(f => f.EventId == e.Id), e.CreatedAt, e.UpdatedAt,
                e.StaffingModel, e.PatienceSeconds))
            .ToPageAsync(page, ct);
    }
}
