
namespace VendorPortal.Web.Features.Vendors.Api;

public sealed class CreateVendor(VendorOperations vendors) : Endpoint<VendorInput, VendorResponse>
{
    public override void Configure()
    {
        Post("vendors");
        Summary(s => s.Summary = "Adds a vendor; names are unique within the tenant.");
        Group<TenantGroup>();
        Description(b => b.ClearDefaultProduces(200).Produces<VendorResponse>(201));
        Policies(nameof(Permission.ManageVendors));
    }

    public override async Task HandleAsync(VendorInput req, CancellationToken ct)
    {
        var vendor = await vendors.CreateAsync(req, ct);
        await Send.CreatedAtAsync<GetVendor>(new { tenant = Route<string>("tenant"), vendorId = vendor.Id }, VendorResponse.From(vendor), cancellation: ct);
    }
}
