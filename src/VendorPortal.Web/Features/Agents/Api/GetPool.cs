
namespace VendorPortal.Web.Features.Agents.Api;

public sealed class GetPool(PoolDepth pool) : EndpointWithoutRequest<PoolResponse>
{
    public override void Configure()
    {
        Get("pool");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadAgents));
        Summary(s => s.Summary = "Reserve depth per vendor and skill: active and trained agents against reserve ratio × planned peak.");
    }

    public override async Task HandleAsync(CancellationToken ct) => await Send.OkAsync(await pool.ReadAsync(ct), ct);
}
