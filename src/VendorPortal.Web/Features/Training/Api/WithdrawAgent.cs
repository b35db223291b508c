
namespace VendorPortal.Web.Features.Training.Api;

public sealed class WithdrawAgentRequest
{
    public Guid Id { get; set; }
    public Guid AgentId { get; set; }
}

public sealed class WithdrawAgent(TrainingOperations training) : Endpoint<WithdrawAgentRequest>
{
    public override void Configure()
    {
        Delete("training-sessions/{id}/enrollments/{agentId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.EnrolAgents));
        Summary(s => s.Summary = "Withdraws an agent before a result is recorded, freeing the seat.");
    }

    public override async Task HandleAsync(WithdrawAgentRequest req, CancellationToken ct)
    {
        await training.WithdrawAsync(req.Id, req.AgentId, ct);
        await Send.NoContentAsync(ct);
    }
}
