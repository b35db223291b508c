
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Api;

public sealed class CapacityRequestRoute
{
    public Guid Id { get; set; }
}

public sealed class GetCapacityRequest(CapacityRequestReads reads) : Endpoint<CapacityRequestRoute, CapacityRequestResponse>
{
    public override void Configure()
    {
        Get("capacity-requests/{id}");
        Summary(s => s.Summary = "One capacity request; a vendor manager sees only their vendor's.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadCapacityRequests));
    }

    public override async Task HandleAsync(CapacityRequestRoute req, CancellationToken ct) =>
        await Send.OkAsync(await reads.RequestAsync(req.Id, ct), ct);
}
