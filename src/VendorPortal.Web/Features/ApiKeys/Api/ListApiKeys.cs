
namespace VendorPortal.Web.Features.ApiKeys.Api;

public sealed class ListApiKeysRequest : PageRequest;

public sealed class ListApiKeysValidator : PageRequestValidator<ListApiKeysRequest>;

public sealed class ListApiKeys(ApiKeyList keys) : Endpoint<ListApiKeysRequest, Paged<ApiKeyResponse>>
{
    public override void Configure()
    {
        Get("api-keys");
        Summary(s => s.Summary = "The tenant's API keys with their role, vendor and last use; never the keys themselves.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageApiKeys));
    }

    public override async Task HandleAsync(ListApiKeysRequest req, CancellationToken ct) =>
        await Send.OkAsync((await keys.PageAsync(req, ct)).Select(k =>
            new ApiKeyResponse(k.Id, k.Name, k.Role.ToString(), k.VendorId, k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt)), ct);
}
