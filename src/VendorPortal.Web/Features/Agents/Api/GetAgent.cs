
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class AgentRouteRequest
{
    public Guid AgentId { get; set; }
}

public sealed class GetAgent(AgentOperations agents) : Endpoint<AgentRouteRequest, AgentResponse>
{
    public override void Configure()
    {
        Get("agents/{agentId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadAgents));
        Summary(s => s.Summary = "One agent with its skills and what it is trained for (trainedFor).");
    }

    public override async Task HandleAsync(AgentRouteRequest req, CancellationToken ct)
    {
        await Send.OkAsync(await agents.FindAsync(req.AgentId, ct) ?? throw new NotFound(Thing.Agent), ct);
    }
}
