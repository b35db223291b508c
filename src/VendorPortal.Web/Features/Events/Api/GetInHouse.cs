
namespace VendorPortal.Web.Features.Events.Api;

public sealed class GetInHouse(InHouseSchedule schedule) : Endpoint<EventRouteRequest, InHouseScheduleResponse>
{
    public override void Configure()
    {
        Get("events/{eventId}/in-house");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanSurge));
        Summary(s =>
        {
            s.Summary = "The event's in-house schedule: the center's own agents per skill and interval.";
            s.Description = "Intervals sorted by skill code, date and start: skill (code), skillId, date (local), start (HH:mm, local) and agents. " +
                "The center's own staffing: a vendor manager is answered 404.";
        });
    }

    public override async Task HandleAsync(EventRouteRequest req, CancellationToken ct) =>
        await Send.OkAsync(await schedule.ReadAsync(req.EventId, ct), ct);
}
