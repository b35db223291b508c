namespace VendorPortal.Web.Features.Billing;

/// <summary>The scorecards list's filters: a range of local dates (at most a year) and one vendor.</summary>
public sealed record ScorecardFilter(DateOnly From, DateOnly To, Guid? VendorId = null);

/// <summary>Vendor scorecards, one per vendor by name, read by the API and the portal; a vendor's managers see their own.</summary>
public sealed class ScorecardList(AppDbContext db, Scorecards scorecards)
{
    public Task<Paged<VendorScorecard>> PageAsync(ScorecardFilter filter, PageRequest page, CancellationToken ct)
    {
        var vendors = db.Vendors.AsNoTracking();
        if (filter.VendorId is { } vendorId) vendors = vendors.Where(v => v.Id == vendorId);
        return vendors.OrderBy(v => v.Name).ThenBy(v => v.Id).Select(v => new { v.Id, v.Name })
            .ToPageAsync(page, async (rows, token) =>
                await scorecards.ForAsync([.. (await rows.ToListAsync(token)).Select(v => (v.Id, v.Name))], filter.From, filter.To, token), ct);
    }
}
