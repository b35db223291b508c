using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Vendors.Api;

public sealed class ListVendorsRequest : PageRequest
{
    [QueryParam] public string? Search { get; set; }
    [QueryParam] public VendorStatus? Status { get; set; }
}

public sealed class ListVendorsValidator : PageRequestValidator<ListVendorsRequest>;

public sealed class ListVendors(AppDbContext db) : Endpoint<ListVendorsRequest, Paged<VendorResponse>>
{
    public override void Configure()
    {
        Get("vendors");
        Group<TenantGroup>();
        Policies(nameof(Permission.ReadVendors));
        Summary(s => s.Summary = "Lists vendors; a vendor user sees only their own vendor.");
    }

    public override async Task HandleAsync(ListVendorsRequest req, CancellationToken ct)
    {
        var query = db.Vendors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(req.Search))
        {
            var pattern = $"%{Like.Escape(req.Search.Trim())}%";
            query = query.Where(v => EF.Functions.Like(v.Name, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(v.ContactName!, pattern, Like.EscapeCharacter)
                || EF.Functions.Like(v.ContactEmail!, pattern, Like.EscapeCharacter));
        }
        if (req.Status is { } status) query = query.Where(v => v.Status == status);
        await Send.OkAsync(await query.OrderBy(v => v.Name).Select(VendorResponse.Projection).ToPageAsync(req, ct), ct);
    }
}
