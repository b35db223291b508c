
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class DeleteAgent(AgentOperations agents) : Endpoint<AgentRouteRequest>
{
    public override void Configure()
    {
        Delete("agents/{agentId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageAgents));
        Summary(s => s.Summary = "Removes an agent; one with training history is marked as left instead, keeping the trail.");
    }

    public override async Task HandleAsync(AgentRouteRequest req, CancellationToken ct)
    {
        await agents.DeleteAsync(req.AgentId, ct);
        await Send.NoContentAsync(ct);
    }
}
