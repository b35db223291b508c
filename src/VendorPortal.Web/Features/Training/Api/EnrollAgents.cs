
namespace VendorPortal.Web.Features.Training.Api;

public sealed class EnrollAgentsRequest
{
    public Guid Id { get; set; }
    public List<Guid> AgentIds { get; set; } = [];
}

public sealed class EnrollAgentsValidator : Validator<EnrollAgentsRequest>
{
    public EnrollAgentsValidator() =>
        RuleFor(x => x.AgentIds).NotNull().Must(a => a.Count is >= 1 and <= 1000).WithMessage("Send one to 1,000 agent ids.");
}

public sealed class EnrollAgents(TrainingOperations training, TrainingReads reads) : Endpoint<EnrollAgentsRequest, TrainingSessionDetail>
{
    public override void Configure()
    {
        Post("training-sessions/{id}/enrollments");
        Group<TenantGroup>();
        Policies(nameof(Permission.EnrolAgents));
        Summary(s => s.Summary = "Enrols agents all-or-nothing: active agents only, no overlapping sessions, never past capacity (409 when the seats ran out).");
    }

    public override async Task HandleAsync(EnrollAgentsRequest req, CancellationToken ct)
    {
        await training.EnrollAsync(req.Id, req.AgentIds, ct);
        await Send.OkAsync((await reads.DetailAsync(req.Id, ct))!, ct);
    }
}
