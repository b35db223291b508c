
namespace VendorPortal.Web.Features.Events.Api;

public sealed class ApplyInHousePatternRequest
{
    public Guid EventId { get; set; }
    [FromBody] public InHousePatternInput Pattern { get; set; } = new();
}

public sealed class ApplyInHousePatternValidator : Validator<ApplyInHousePatternRequest>
{
    public ApplyInHousePatternValidator() => RuleFor(x => x.Pattern).NotNull();
}

public sealed class ApplyInHousePattern(InHouseSchedule schedule) : Endpoint<ApplyInHousePatternRequest, InHouseScheduleResponse>
{
    public override void Configure()
    {
        Post("events/{eventId}/in-house/pattern");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanSurge));
        Summary(s =>
        {
            s.Summary = "Fills a weekly pattern into the event's in-house schedule, e.g. weekdays 09:00–18:00, 40 agents on PRESALES.";
            s.Description = "skillId (or skill, the code); days: Monday … Sunday, or weekdays, weekend, all; from and to (HH:mm on the event's " +
                "interval grid, to exclusive, 24:00 for the end of the day); agents (0 to 100,000). Every interval from 'from' up to 'to' on each " +
                "matching day of the event is set to the agents; other intervals keep theirs; local times the clocks skip are left out. A bad " +
                "field changes nothing (422 naming the fields). Answers the stored schedule.";
        });
    }

    public override async Task HandleAsync(ApplyInHousePatternRequest req, CancellationToken ct)
    {
        await schedule.ApplyPatternAsync(req.EventId, req.Pattern, ct);
        await Send.OkAsync(await schedule.ReadAsync(req.EventId, ct), ct);
    }
}
