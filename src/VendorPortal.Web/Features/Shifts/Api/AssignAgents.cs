
namespace VendorPortal.Web.Features.Shifts.Api;

public sealed class AssignAgentsRequest
{
    public Guid ShiftId { get; set; }
    public List<Guid> AgentIds { get; set; } = [];
}

public sealed class AssignAgentsValidator : Validator<AssignAgentsRequest>
{
    public AssignAgentsValidator() =>
        RuleFor(x => x.AgentIds).NotNull().Must(a => a.Count is >= 1 and <= 1000).WithMessage("Send one to 1,000 agent ids.");
}

public sealed class AssignAgents(ShiftOperations shifts, ShiftReads reads) : Endpoint<AssignAgentsRequest, ShiftDetail>
{
    public override void Configure()
    {
        Post("shifts/{shiftId}/assignments");
        Group<TenantGroup>();
        Policies(nameof(Permission.AssignAgents));
        Summary(s =>
        {
            s.Summary = "Assigns the vendor's own agents, all-or-nothing: active, with the shift's skill, not in an overlapping shift or training, within their weekly hours.";
            s.Description = "A shift takes up to its headcount plus the tenant's assignment buffer; past that, or when another assignment took the last place at the same moment, 409.";
        });
    }

    public override async Task HandleAsync(AssignAgentsRequest req, CancellationToken ct)
    {
        await shifts.AssignAsync(req.ShiftId, req.AgentIds, ct);
        await Send.OkAsync(await reads.ShiftAsync(req.ShiftId, ct), ct);
    }
}
