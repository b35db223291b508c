
namespace VendorPortal.Web.Features.Vendors.Api;

public sealed class ListVendorsRequest : PageRequest
{
    [QueryParam] public string? Search { get; set; }
    [QueryParam] public VendorStatus? Status { get; set; }
}

public sealed class ListVendorsValidator : PageRequestValidator<ListVendorsRequest>;

public sealed class ListVendors(VendorList vendors) : Endpoint<ListVendorsRequest, Paged<VendorResponse>>
{
    public override void Configure()
    {
        Get("vendors");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadVendors));
        Summary(s => s.Summary = "Lists vendors; a vendor user sees only their own vendor.");
    }

    public override async Task HandleAsync(ListVendorsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await vendors.PageAsync(new VendorFilter(req.Search, req.Status), req, ct), ct);
}
