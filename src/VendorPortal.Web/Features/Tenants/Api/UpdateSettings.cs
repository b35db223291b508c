
namespace VendorPortal.Web.Features.Tenants.Api;

public sealed class UpdateSettings(TenantSettingsOperations settings) : Endpoint<TenantSettings, TenantSettings>
{
    public override void Configure()
    {
        Put("settings");
        Summary(s => s.Summary = "Changes the tenant's settings.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageSettings));
    }

    public override async Task HandleAsync(TenantSettings req, CancellationToken ct) =>
        await Send.OkAsync(TenantSettings.From(await settings.UpdateAsync(req, ct)), ct);
}
