namespace VendorPortal.Web.Features.Planning.Api;

public sealed class SendPlanRequest
{
    public Guid EventId { get; set; }
    [FromBody] public SendPlanInput Plan { get; set; } = new();
}

public sealed class SendPlanValidator : Validator<SendPlanRequest>
{
    private static readonly SendPlanInputValidator Body = new();

    // The body's own names (shiftLengthsHours[1], not plan.shiftLengthsHours[1]): the body is the request.
    public SendPlanValidator() => RuleFor(x => x).Custom((req, context) =>
    {
        if (req.Plan is null) context.AddFailure("body", "Send the plan as a JSON object.");
        else foreach (var failure in Body.Validate(req.Plan).Errors) context.AddFailure(failure);
    });
}

public sealed class SendPlan(PlanOperations plans) : Endpoint<SendPlanRequest, SendPlanResponse>
{
    public override void Configure()
    {
        Post("events/{eventId}/plan/send");
        Group<TenantGroup>();
        Policies(nameof(Permission.PlanSurge));
        Description(b => b.ClearDefaultProduces(200).Produces<SendPlanResponse>(201));
        Summary(s =>
        {
            s.Summary = "Sends a plan's shifts as capacity requests, one per vendor and shift, in one transaction; answers their ids.";
            s.Description = "Body: shifts [{ skill or skillId, date, start, end (HH:mm, 24:00 for midnight), allocations [{ vendorId, requested }] }], " +
                "respondByLocal (default: 48 hours from now, or an hour before the first shift when sooner), message. Each request is checked " +
                "like one made by hand; every wrong shift or allocation is named (shifts[i].allocations[j].vendorId) and nothing is created.";
        });
    }

    public override async Task HandleAsync(SendPlanRequest req, CancellationToken ct) =>
        await Send.ResponseAsync(new SendPlanResponse(await plans.SendAsync(req.EventId, req.Plan, ct)), StatusCodes.Status201Created, ct);
}
