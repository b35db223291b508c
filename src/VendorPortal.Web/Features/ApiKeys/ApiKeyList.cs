
namespace VendorPortal.Web.Features.ApiKeys;

public sealed record ApiKeyRow(
    Guid Id, string Name, TenantRole Role, Guid? VendorId, string? VendorName, string Prefix,
    DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt);

/// <summary>The tenant's API keys, newest first, read by the API and the portal.</summary>
public sealed class ApiKeyList(AppDbContext db)
{
    public Task<Paged<ApiKeyRow>> PageAsync(PageRequest page, CancellationToken ct) =>
        db.ApiKeys.AsNoTracking().OrderByDescending(k => k.CreatedAt)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Role, k.VendorId,
                db.Vendors.Where(v => v.Id == k.VendorId).Select(v => v.Name).FirstOrDefault(), k.Prefix, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToPageAsync(page, ct);
}
