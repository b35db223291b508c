
namespace VendorPortal.Web.Features.Vendors.Api;

public sealed class VendorRouteRequest
{
    public Guid VendorId { get; set; }
}

public sealed class GetVendor(AppDbContext db) : Endpoint<VendorRouteRequest, VendorResponse>
{
    public override void Configure()
    {
        Get("vendors/{vendorId}");
        Summary(s => s.Summary = "One vendor; a vendor manager sees only their own.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadVendors));
    }

    public override async Task HandleAsync(VendorRouteRequest req, CancellationToken ct)
    {
        var vendor = await db.Vendors.AsNoTracking().Where(v => v.Id == req.VendorId)
            .Select(VendorResponse.Projection).SingleOrDefaultAsync(ct) ?? throw new NotFound(Thing.Vendor);
        await Send.OkAsync(vendor, ct);
    }
}
