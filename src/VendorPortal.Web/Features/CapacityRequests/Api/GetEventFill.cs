
using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests.Api;

public sealed class EventFillRequest
{
    public Guid EventId { get; set; }
}

public sealed class GetEventFill(CapacityRequestReads reads, Events.EventOperations events) : Endpoint<EventFillRequest, List<FillSlot>>
{
    public override void Configure()
    {
        Get("events/{eventId}/fill");
        Group<TenantGroup>();
        Policies(nameof(Permission.RequestCapacity));
        Summary(s => s.Summary = "The fill across vendors per skill and shift slot: needed, awaiting an answer, committed, confirmed, and the gap still to ask another vendor for.");
    }

    public override async Task HandleAsync(EventFillRequest req, CancellationToken ct)
    {
        await events.LoadAsync(req.EventId, ct);
        await Send.OkAsync(await reads.FillAsync(req.EventId, ct), ct);
    }
}
