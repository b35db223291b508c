namespace VendorPortal.Web.Features.Planning.Api;

public sealed class SuggestPlanRequest
{
    public Guid EventId { get; set; }
    [FromBody] public PlanInput Plan { get; set; } = new();
}

public sealed class SuggestPlanValidator : Validator<SuggestPlanRequest>
{
    private static readonly PlanInputValidator Body = new();

    // The body's own names (shiftLengthsHours[1], not plan.shiftLengthsHours[1]): the body is the request.
    public SuggestPlanValidator() => RuleFor(x => x).Custom((req, context) =>
    {
        if (req.Plan is null) context.AddFailure("body", "Send the plan as a JSON object.");
        else foreach (var failure in Body.Validate(req.Plan).Errors) context.AddFailure(failure);
    });
}

public sealed class SuggestPlan(PlanOperations plans) : Endpoint<SuggestPlanRequest, PlanResponse>
{
    public override void Configure()
    {
        Post("events/{eventId}/plan");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanSurge));
        Summary(s =>
        {
            s.Summary = "Suggests the cheapest set of vendor shifts covering the event's gap, split across vendors with a no-show buffer.";
            s.Description = "Body (all optional): shiftLengthsHours (default [4,6,8], 1–12 each), startStepMinutes (default 30, a multiple of the " +
                "event's interval), targetShowProbability (default 0.9, strictly between 0 and 1), vendorIds. Answers coverage per skill and interval " +
                "(required, inHouse, alreadyRequested, gap, planned), shifts with allocations (vendorId, agents, requested), agentHours, lowerBound, " +
                "optimal, estimatedCost and shortfalls. Nothing is written; the same input gives the same plan. 422 for an event without a forecast.";
        });
    }

    public override async Task HandleAsync(SuggestPlanRequest req, CancellationToken ct) =>
        await Send.OkAsync(await plans.SuggestAsync(req.EventId, req.Plan, ct), ct);
}
