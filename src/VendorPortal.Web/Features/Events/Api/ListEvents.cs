using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Events.Api;

public sealed class ListEventsRequest : PageRequest
{
    /// <summary>Also list closed events.</summary>
    [QueryParam] public bool IncludeClosed { get; set; } = true;
}

public sealed class ListEventsValidator : PageRequestValidator<ListEventsRequest>;

public sealed class ListEvents(AppDbContext db) : Endpoint<ListEventsRequest, Paged<EventResponse>>
{
    public override void Configure()
    {
        Get("events");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadEvents));
        Summary(s => s.Summary = "Surge events (promotions), latest first; every member may read them, vendors too.");
    }

    public override async Task HandleAsync(ListEventsRequest req, CancellationToken ct)
    {
        var query = db.Events.AsNoTracking();
        if (!req.IncludeClosed) query = query.Where(e => e.Status != EventStatus.Closed);
        var page = await query.OrderByDescending(e => e.StartDate).ThenBy(e => e.Id)
            .Select(e => new { Event = e, Rows = db.ForecastIntervals.Count(f => f.EventId == e.Id) })
            .ToPageAsync(req, ct);
        await Send.OkAsync(new Paged<EventResponse>([.. page.Items.Select(i => EventResponse.Of(i.Event, i.Rows))], page.Page, page.PageSize, page.Total), ct);
    }
}
