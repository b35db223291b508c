
namespace VendorPortal.Web.Features.CapacityRequests.Api;

public sealed class ListCapacityRequestsRequest : PageRequest
{
    [QueryParam] public Guid? EventId { get; set; }
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public CapacityRequestStatus? Status { get; set; }
}

public sealed class ListCapacityRequestsValidator : PageRequestValidator<ListCapacityRequestsRequest>;

public sealed class ListCapacityRequests(CapacityRequestList requests) : Endpoint<ListCapacityRequestsRequest, Paged<CapacityRequestResponse>>
{
    public override void Configure()
    {
        Get("capacity-requests");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadCapacityRequests));
        Summary(s => s.Summary = "Capacity requests, the ones due soonest first; a vendor manager sees their vendor's inbox.");
    }

    public override async Task HandleAsync(ListCapacityRequestsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await requests.PageAsync(new CapacityRequestFilter(req.EventId, req.VendorId, req.Status), req, ct), ct);
}
