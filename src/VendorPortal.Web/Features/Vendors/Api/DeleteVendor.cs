
namespace VendorPortal.Web.Features.Vendors.Api;

public sealed class DeleteVendor(VendorOperations vendors) : Endpoint<VendorRouteRequest>
{
    public override void Configure()
    {
        Delete("vendors/{vendorId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageVendors));
    }

    public override async Task HandleAsync(VendorRouteRequest req, CancellationToken ct)
    {
        await vendors.DeleteAsync(req.VendorId, ct);
        await Send.NoContentAsync(ct);
    }
}
