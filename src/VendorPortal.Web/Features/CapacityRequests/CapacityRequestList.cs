namespace VendorPortal.Web.Features.CapacityRequests;

/// <summary>
/// The capacity requests list's filters. Open requests always come first, soonest due on top; the rest follow by due date,
/// or, in the <see cref="Inbox"/> order, most recently answered or cancelled first.
/// </summary>
public sealed record CapacityRequestFilter(Guid? EventId = null, Guid? VendorId = null, CapacityRequestStatus? Status = null, bool Inbox = false);

/// <summary>The capacity requests list, read by the API and the portal; a vendor manager sees their vendor's inbox.</summary>
public sealed class CapacityRequestList(AppDbContext db, CapacityRequestReads reads)
{
    public Task<Paged<CapacityRequestResponse>> PageAsync(CapacityRequestFilter filter, PageRequest page, CancellationToken ct)
    {
        var ordered = Query(filter).OrderBy(r => r.Status == CapacityRequestStatus.Sent ? 0 : 1);
        var query = filter.Inbox
            ? ordered.ThenBy(r => r.Status == CapacityRequestStatus.Sent ? r.RespondBy : (DateTimeOffset?)null)
                .ThenByDescending(r => r.Status == CapacityRequestStatus.Sent ? null : (DateTimeOffset?)r.UpdatedAt)
            : ordered.ThenBy(r => r.RespondBy);
        return query.ThenBy(r => r.Id).ToPageAsync(page, reads.RequestsAsync, ct);
    }

    /// <summary>The matching requests still waiting for the vendor's answer.</summary>
    public Task<int> OpenCountAsync(CapacityRequestFilter filter, CancellationToken ct) =>
        Query(filter).CountAsync(r => r.Status == CapacityRequestStatus.Sent, ct);

    private IQueryable<CapacityRequest> Query(CapacityRequestFilter filter)
    {
        var query = db.CapacityRequests.AsNoTracking();
        if (filter.EventId is { } eventId) query = query.Where(r => r.EventId == eventId);
        if (filter.VendorId is { } vendorId) query = query.Where(r => r.VendorId == vendorId);
        if (filter.Status is { } status) query = query.Where(r => r.Status == status);
        return query;
    }
}
