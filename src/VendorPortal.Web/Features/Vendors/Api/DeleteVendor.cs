
namespace VendorPortal.Web.Features.Vendors.Api;

public sealed class DeleteVendor(VendorOperations vendors) : Endpoint<VendorRouteRequest>
{
    public override void Configure()
    {
        Delete("vendors/{vendorId}");
        Summary(s => s.Summary = "Removes a vendor; one that still has people, API keys or billing answers 409.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageVendors));
    }

    public override async Task HandleAsync(VendorRouteRequest req, CancellationToken ct)
    {
        await vendors.DeleteAsync(req.VendorId, ct);
        await Send.NoContentAsync(ct);
    }
}
