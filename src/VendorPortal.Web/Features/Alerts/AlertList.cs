namespace VendorPortal.Web.Features.Alerts;

/// <summary>Open, acknowledged and resolved divide the alerts between them: a resolved alert counts as resolved whether or not someone acknowledged it.</summary>
public enum AlertState
{
    Open,
    Acknowledged,
    Resolved,
    All,
}

/// <summary>The alerts list's filters: open, acknowledged, resolved or all; a kind; alerts about shifts of an event.</summary>
public sealed record AlertFilter(AlertState State = AlertState.Open, AlertKind? Kind = null, Guid? EventId = null);

/// <summary>Readiness alerts, newest first, read by the API and the portal; a vendor manager sees their own vendor's.</summary>
public sealed class AlertList(AppDbContext db, AlertOperations operations)
{
    public Task<Paged<AlertResponse>> PageAsync(AlertFilter filter, PageRequest page, CancellationToken ct)
    {
        var alerts = db.Alerts.AsNoTracking();
        alerts = filter.State switch
        {
            AlertState.Open => alerts.Where(Alert.IsOpen),
            AlertState.Acknowledged => alerts.Where(a => a.AcknowledgedAt != null && a.ResolvedAt == null),
            AlertState.Resolved => alerts.Where(a => a.ResolvedAt != null),
            _ => alerts,
        };
        if (filter.Kind is { } kind) alerts = alerts.Where(a => a.Kind == kind);
        if (filter.EventId is { } eventId) alerts = alerts.Where(a => db.Shifts.Any(s => s.Id == a.ShiftId && s.EventId == eventId));
        return alerts.OrderByDescending(a => a.CreatedAt).ThenByDescending(a => a.Id)
            .ToPageAsync(page, async (rows, token) => await operations.DescribeAsync(await rows.ToListAsync(token), token), ct);
    }
}
