
namespace VendorPortal.Web.Features.Events.Api;

public sealed class ReplaceInHouseRequest
{
    public Guid EventId { get; set; }
    [FromBody] public InHouseInput Schedule { get; set; } = new();
}

public sealed class ReplaceInHouseValidator : Validator<ReplaceInHouseRequest>
{
    public ReplaceInHouseValidator()
    {
        RuleFor(x => x.Schedule).NotNull();
        RuleFor(x => x.Schedule.Intervals).NotNull().WithMessage("Send the intervals (an empty list clears the schedule).").When(x => x.Schedule is not null);
    }
}

public sealed class ReplaceInHouse(InHouseSchedule schedule) : Endpoint<ReplaceInHouseRequest, InHouseScheduleResponse>
{
    public override void Configure()
    {
        Put("events/{eventId}/in-house");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanSurge));
        Options(o => o.WithMetadata(new Microsoft.AspNetCore.Mvc.RequestSizeLimitAttribute(InHouseImport.MaxBytes)));
        Summary(s =>
        {
            s.Summary = "Replaces the event's in-house schedule, all-or-nothing.";
            s.Description = "Intervals: skillId (or skill, the code), date (yyyy-MM-dd, local, inside the event), start (HH:mm, local, on the interval " +
                "grid) and agents (a whole number, 0 to 100,000). An empty list clears the schedule. Any bad interval stores nothing; the 422 " +
                "problem names every bad one as intervals[index] with the reason (unknown skill, date outside the event, start off the grid or " +
                "skipped by a daylight-saving change, agents out of range, duplicates). Answers the stored schedule.";
        });
    }

    public override async Task HandleAsync(ReplaceInHouseRequest req, CancellationToken ct)
    {
        var rows = (req.Schedule.Intervals ?? []).Select((r, i) => ($"intervals[{i}]", r ?? new InHouseIntervalInput())).ToList();
        var result = await schedule.ReplaceAsync(req.EventId, rows, [], "intervals", ct);
        if (result.Errors.Count > 0) throw RowProblem.Refused(result.Errors);
        await Send.OkAsync(await schedule.ReadAsync(req.EventId, ct), ct);
    }
}
