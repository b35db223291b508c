namespace VendorPortal.Web.Features.Vendors;

/// <summary>The vendors list's filters: name or contact, and status. A vendor user sees only their own vendor anyway.</summary>
public sealed record VendorFilter(string? Search = null, VendorStatus? Status = null);

/// <summary>The vendors list, read by the API and the portal.</summary>
public sealed class VendorList(AppDbContext db)
{
    public Task<Paged<VendorResponse>> PageAsync(VendorFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Vendors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var pattern = Like.Containing(filter.Search);
            query = query.Where(v => EF.Functions.Like(v.Name.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(v.ContactName!.ToLower(), pattern, Like.EscapeCharacter)
                || EF.Functions.Like(v.ContactEmail!.ToLower(), pattern, Like.EscapeCharacter));
        }
        if (filter.Status is { } status) query = query.Where(v => v.Status == status);
        return query.OrderBy(v => v.Name).Select(VendorResponse.Projection).ToPageAsync(page, ct);
    }
}
