
namespace VendorPortal.Web.Features.ApiKeys.Api;

public sealed class RevokeApiKeyRequest
{
    public Guid Id { get; set; }
}

public sealed class RevokeApiKey(ApiKeyOperations keys) : Endpoint<RevokeApiKeyRequest>
{
    public override void Configure()
    {
        Delete("api-keys/{id}");
        Summary(s => s.Summary = "Revokes an API key; requests that send it are refused from then on.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageApiKeys));
    }

    public override async Task HandleAsync(RevokeApiKeyRequest req, CancellationToken ct)
    {
        await keys.RevokeAsync(req.Id, ct);
        await Send.NoContentAsync(ct);
    }
}
