
namespace VendorPortal.Web.Features.Tenants.Api;

public sealed class GetSettings(TenantSettingsOperations settings) : EndpointWithoutRequest<TenantSettings>
{
    public override void Configure()
    {
        Get("settings");
        Summary(s => s.Summary = "The tenant's settings.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadSettings));
    }

    public override async Task HandleAsync(CancellationToken ct) =>
        await Send.OkAsync(TenantSettings.From(await settings.CurrentAsync(ct)), ct);
}
