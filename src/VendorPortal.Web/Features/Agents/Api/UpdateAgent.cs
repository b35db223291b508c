
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class UpdateAgentRequest
{
    public Guid AgentId { get; set; }
    [FromBody] public AgentInput Agent { get; set; } = new();
}

public sealed class UpdateAgentValidator : Validator<UpdateAgentRequest>
{
    public UpdateAgentValidator() => RuleFor(x => x.Agent).NotNull().SetValidator(new AgentInputValidator());
}

public sealed class UpdateAgent(AgentOperations agents) : Endpoint<UpdateAgentRequest, AgentResponse>
{
    public override void Configure()
    {
        Put("agents/{agentId}");
        Summary(s => s.Summary = "Changes an agent's details.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageAgents));
    }

    public override async Task HandleAsync(UpdateAgentRequest req, CancellationToken ct)
    {
        await agents.UpdateAsync(req.AgentId, req.Agent, ct);
        await Send.OkAsync((await agents.FindAsync(req.AgentId, ct))!, ct);
    }
}
