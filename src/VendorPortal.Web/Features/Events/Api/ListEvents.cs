
namespace VendorPortal.Web.Features.Events.Api;

public sealed class ListEventsRequest : PageRequest
{
    /// <summary>Also list closed events.</summary>
    [QueryParam] public bool IncludeClosed { get; set; } = true;
}

public sealed class ListEventsValidator : PageRequestValidator<ListEventsRequest>;

public sealed class ListEvents(EventList events) : Endpoint<ListEventsRequest, Paged<EventResponse>>
{
    public override void Configure()
    {
        Get("events");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadEvents));
        Summary(s => s.Summary = "Surge events (promotions), latest first; every member may read them, vendors too.");
    }

    public override async Task HandleAsync(ListEventsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await events.PageAsync(new EventFilter(req.IncludeClosed), req, ct), ct);
}
