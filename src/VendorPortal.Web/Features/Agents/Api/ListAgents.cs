
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class ListAgentsRequest : PageRequest
{
    [QueryParam] public Guid? VendorId { get; set; }
    [QueryParam] public AgentStatus? Status { get; set; }
    [QueryParam] public string? Skill { get; set; }
    [QueryParam] public string? Search { get; set; }
}

public sealed class ListAgentsValidator : PageRequestValidator<ListAgentsRequest>;

public sealed class ListAgents(AgentList agents) : Endpoint<ListAgentsRequest, Paged<AgentResponse>>
{
    public override void Configure()
    {
        Get("agents");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadAgents));
        Summary(s => s.Summary = "Lists reserve agents; vendor users see only their own vendor's.");
    }

    public override async Task HandleAsync(ListAgentsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await agents.PageAsync(new AgentFilter(req.VendorId, req.Status, req.Skill, req.Search), req, ct), ct);
}
