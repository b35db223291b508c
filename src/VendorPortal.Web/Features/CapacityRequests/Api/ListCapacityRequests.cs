using VendorPortal.Web.Features.Identity;

using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Api;

public sealed class ListCapacityRequestsRequest : PageRequest
{
    [QueryParam] public Guid? EventId { get; set; }
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public CapacityRequestStatus? Status { get; set; }
}

public sealed class ListCapacityRequestsValidator : PageRequestValidator<ListCapacityRequestsRequest>;

public sealed class ListCapacityRequests(AppDbContext db, CapacityRequestReads reads) : Endpoint<ListCapacityRequestsRequest, Paged<CapacityRequestResponse>>
{
    public override void Configure()
    {
        Get("capacity-requests");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadCapacityRequests));
        Summary(s => s.Summary = "Capacity requests, the ones due soonest first; a vendor manager sees their vendor's inbox.");
    }

    public override async Task HandleAsync(ListCapacityRequestsRequest req, CancellationToken ct)
    {
        var query = db.CapacityRequests.AsQueryable();
        if (req.EventId is { } eventId) query = query.Where(r => r.EventId == eventId);
        if (req.VendorId is { } vendorId) query = query.Where(r => r.VendorId == vendorId);
        if (req.Status is { } status) query = query.Where(r => r.Status == status);
        query = query.OrderBy(r => r.Status == CapacityRequestStatus.Sent ? 0 : 1).ThenBy(r => r.RespondBy).ThenBy(r => r.Id);
        var total = await query.CountAsync(ct);
        var items = await reads.RequestsAsync(query.Skip((req.Page - 1) * req.PageSize).Take(req.PageSize), ct);
        await Send.OkAsync(new Paged<CapacityRequestResponse>(items, req.Page, req.PageSize, total), ct);
    }
}
