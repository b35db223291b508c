
namespace VendorPortal.Web.Features.Users;

public enum MemberOrder
{
    Name,
    Email,
}

public sealed record MemberFilter(MemberOrder Order = MemberOrder.Name);

public sealed record MemberRow(
    Guid UserId, string DisplayName, string Email, TenantRole Role, Guid? VendorId, string? VendorName, bool LockedOut, bool Disabled, DateTimeOffset Since);

/// <summary>The tenant's members (users), read by the API and the portal.</summary>
public sealed class MemberList(AppDbContext db, TimeProvider clock)
{
    public Task<Paged<MemberRow>> PageAsync(MemberFilter filter, PageRequest page, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var query = db.Memberships.AsNoTracking();
        var ordered = filter.Order == MemberOrder.Email
            ? query.OrderBy(m => m.User!.Email)
            : query.OrderBy(m => m.User!.DisplayName).ThenBy(m => m.User!.Email);
        return ordered
            .Select(m => new MemberRow(m.UserId, m.User!.DisplayName, m.User.Email!, m.Role, m.VendorId,
                m.Vendor == null ? null : m.Vendor.Name, m.User.LockoutEnd != null && m.User.LockoutEnd > now, m.DisabledAt != null, m.CreatedAt))
            .ToPageAsync(page, ct);
    }
}
