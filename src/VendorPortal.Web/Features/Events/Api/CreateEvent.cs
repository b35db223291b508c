
namespace VendorPortal.Web.Features.Events.Api;

public sealed class CreateEvent(EventOperations events) : Endpoint<EventInput, EventResponse>
{
    public override void Configure()
    {
        Post("events");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanEvents));
        Description(b => b.ClearDefaultProduces(200).Produces<EventResponse>(201));
        Summary(s => s.Summary = "Creates a surge event: local first and last day, status and staffing assumptions (interval, service level, shrinkage, occupancy).");
    }

    public override async Task HandleAsync(EventInput req, CancellationToken ct)
    {
        var e = await events.CreateAsync(req, ct);
        await Send.ResponseAsync(await events.ResponseAsync(e.Id, ct), StatusCodes.Status201Created, ct);
    }
}
