
namespace VendorPortal.Web.Features.ApiKeys.Api;

public sealed class CreateApiKey(ApiKeyOperations keys) : Endpoint<ApiKeyInput, CreatedApiKeyResponse>
{
    public override void Configure()
    {
        Post("api-keys");
        Group<TenantGroup>();
        Description(b => b.ClearDefaultProduces(200).Produces<CreatedApiKeyResponse>(201));
        Policies(nameof(Permission.ManageApiKeys));
        Summary(s => s.Summary = "Creates an API key. The plain-text key is in this response only; store it now.");
    }

    public override async Task HandleAsync(ApiKeyInput req, CancellationToken ct) =>
        await Send.ResponseAsync(await keys.CreateAsync(req, ct), StatusCodes.Status201Created, ct);
}
