
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class CreateAgent(AgentOperations agents) : Endpoint<AgentInput, AgentResponse>
{
    public override void Configure()
    {
        Post("agents");
        Summary(s => s.Summary = "Adds an agent to a vendor.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageAgents));
        Description(b => b.ClearDefaultProduces(200).Produces<AgentResponse>(201));
    }

    public override async Task HandleAsync(AgentInput req, CancellationToken ct)
    {
        var agent = await agents.CreateAsync(req, ct);
        await Send.ResponseAsync((await agents.FindAsync(agent.Id, ct))!, StatusCodes.Status201Created, ct);
    }
}
