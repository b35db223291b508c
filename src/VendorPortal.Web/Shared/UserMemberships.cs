
namespace VendorPortal.Web.Shared;

public sealed record UserMembership(string Tenant, string TenantName, TenantRole Role, Guid? VendorId);

public static class UserMemberships
{
    /// <summary>
    /// Platform code: a person's memberships span tenants by nature, so this is the portal's one query that
    /// reads memberships across the tenant filter, and only the signed-in user's own.
    /// </summary>
    public static async Task<IReadOnlyList<UserMembership>> MembershipsOfAsync(this AppDbContext db, Guid userId, CancellationToken ct) =>
        await db.Memberships.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .AsNoTracking()
            .Where(m => m.UserId == userId && m.DisabledAt == null)
            .OrderBy(m => m.Tenant!.Name)
            .Select(m => new UserMembership(m.Tenant!.Slug, m.Tenant.Name, m.Role, m.VendorId))
            .ToListAsync(ct);
}
