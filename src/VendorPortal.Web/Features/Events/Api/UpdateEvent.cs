
namespace VendorPortal.Web.Features.Events.Api;

public sealed class UpdateEventRequest
{
    public Guid EventId { get; set; }
    [FromBody] public EventInput Event { get; set; } = new();
}

public sealed class UpdateEventValidator : Validator<UpdateEventRequest>
{
    public UpdateEventValidator() => RuleFor(x => x.Event).NotNull().SetValidator(new EventInputValidator());
}

public sealed class UpdateEvent(EventOperations events) : Endpoint<UpdateEventRequest, EventResponse>
{
    public override void Configure()
    {
        Put("events/{eventId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanEvents));
        Summary(s => s.Summary = "Edits an event; dates or interval that would strand forecast rows are refused (409) until the forecast is replaced.");
    }

    public override async Task HandleAsync(UpdateEventRequest req, CancellationToken ct)
    {
        await events.UpdateAsync(req.EventId, req.Event, ct);
        await Send.OkAsync(await events.ResponseAsync(req.EventId, ct), ct);
    }
}
