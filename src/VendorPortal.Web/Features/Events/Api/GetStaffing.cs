
namespace VendorPortal.Web.Features.Events.Api;

public sealed class GetStaffing(EventOperations events) : Endpoint<EventRouteRequest, EventStaffing>
{
    public override void Configure()
    {
        Get("events/{eventId}/staffing");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadEvents));
        Summary(s =>
        {
            s.Summary = "Required agents per forecast interval (Erlang C, or Erlang A when the event says so) and per skill and day.";
            s.Description = "Per interval: skill, local start with offset (DST-correct), contacts, ahtSeconds, trafficErlangs, agents, scheduledAgents, " +
                "serviceLevel, probabilityOfWaiting, averageSpeedOfAnswerSeconds, occupancy, abandonRate (0 with Erlang C). The event's staffingModel " +
                "(erlangC, or erlangA with patienceSeconds) is echoed; every measure is over all arriving contacts. Per skill and day: forecast contacts, peak required and " +
                "peak scheduled agents. Per interval and, as the day's highest, per day: requestedAgents (asked in open and answered capacity requests), " +
                "committedAgents (on the vendors' scheduled shifts) and confirmedAgents (confirmed by the vendors), counting the shifts running " +
                "at the interval's start. inHouseAgents are the center's own agents scheduled in the interval (PUT .../in-house) and gapAgents = " +
                "max(0, scheduledAgents − inHouseAgents), what vendors are asked to cover; per skill and day, gapAgents is the day's largest gap, " +
                "gapAt its interval and inHouseAgents the in-house agents there. A vendor manager sees their own vendor's figures only.";
        });
    }

    public override async Task HandleAsync(EventRouteRequest req, CancellationToken ct) =>
        await Send.OkAsync(await events.StaffingAsync(req.EventId, ct), ct);
}
