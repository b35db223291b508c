using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.ApiKeys.Api;

public sealed class ListApiKeysRequest : PageRequest;

public sealed class ListApiKeysValidator : PageRequestValidator<ListApiKeysRequest>;

public sealed class ListApiKeys(AppDbContext db) : Endpoint<ListApiKeysRequest, Paged<ApiKeyResponse>>
{
    public override void Configure()
    {
        Get("api-keys");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageApiKeys));
    }

    public override async Task HandleAsync(ListApiKeysRequest req, CancellationToken ct) =>
        await Send.OkAsync(await db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(ApiKeyResponse.Projection).ToPageAsync(req, ct), ct);
}
