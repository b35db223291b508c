namespace VendorPortal.Web.Features.Alerts;

public enum AlertState
{
    Open,
    Acknowledged,
    All,
}

/// <summary>The alerts list's filters: open, acknowledged or all; a kind; alerts about shifts of an event.</summary>
public sealed record AlertFilter(AlertState State = AlertState.Open, AlertKind? Kind = null, Guid? EventId = null);

/// <summary>Readiness alerts, newest first, read by the API and the portal; a vendor manager sees their own vendor's.</summary>
public sealed class AlertList(AppDbContext db, AlertOperations operations)
{
    public Task<Paged<AlertResponse>> PageAsync(AlertFilter filter, PageRequest page, CancellationToken ct)
    {
        var alerts = db.Alerts.AsNoTracking();
        alerts = filter.State switch
        {
            AlertState.Open => alerts.Where(a => a.AcknowledgedAt == null),
            AlertState.Acknowledged => alerts.Where(a => a.AcknowledgedAt != null),
            _ => alerts,
        };
        if (filter.Kind is { } kind) alerts = alerts.Where(a => a.Kind == kind);
        if (filter.EventId is { } eventId) alerts = alerts.Where(a => db.Shifts.Any(s => s.Id == a.ShiftId && s.EventId == eventId));
        return alerts.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .ToPageAsync(page, async (rows, token) => await operations.DescribeAsync(await rows.ToListAsync(token), token), ct);
    }
}
