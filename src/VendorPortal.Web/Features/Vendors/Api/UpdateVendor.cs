
namespace VendorPortal.Web.Features.Vendors.Api;

public sealed class UpdateVendorRequest
{
    public Guid VendorId { get; set; }
    [FromBody] public VendorInput Vendor { get; set; } = new();
}

public sealed class UpdateVendorValidator : Validator<UpdateVendorRequest>
{
    public UpdateVendorValidator() => RuleFor(x => x.Vendor).NotNull().SetValidator(new VendorInputValidator());
}

public sealed class UpdateVendor(VendorOperations vendors) : Endpoint<UpdateVendorRequest, VendorResponse>
{
    public override void Configure()
    {
        Put("vendors/{vendorId}");
        Summary(s => s.Summary = "Changes a vendor's name, contact details, status and notes.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageVendors));
    }

    public override async Task HandleAsync(UpdateVendorRequest req, CancellationToken ct) =>
        await Send.OkAsync(VendorResponse.From(await vendors.UpdateAsync(req.VendorId, req.Vendor, ct)), ct);
}
