
namespace VendorPortal.Web.Features.Events.Api;

public sealed class EventRouteRequest
{
    public Guid EventId { get; set; }
}

public sealed class GetEvent(EventOperations events) : Endpoint<EventRouteRequest, EventResponse>
{
    public override void Configure()
    {
        Get("events/{eventId}");
        Summary(s => s.Summary = "One event of the tenant.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadEvents));
    }

    public override async Task HandleAsync(EventRouteRequest req, CancellationToken ct) =>
        await Send.OkAsync(await events.ResponseAsync(req.EventId, ct), ct);
}
