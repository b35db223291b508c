
namespace VendorPortal.Web.Features.Users;

/// <summary>The invitations list's filter: only those still open (neither accepted nor expired).</summary>
public sealed record InvitationFilter(bool OpenOnly = false);

public sealed record InvitationRow(
    Guid Id, string Email, TenantRole Role, Guid? VendorId, string? VendorName, string Language,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt, DateTimeOffset? EmailSentAt, DateTimeOffset? AcceptedAt);

/// <summary>The tenant's invitations, newest first, read by the API and the portal.</summary>
public sealed class InvitationList(AppDbContext db, TimeProvider clock)
{
    public Task<Paged<InvitationRow>> PageAsync(InvitationFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Invitations.AsNoTracking();
        if (filter.OpenOnly)
        {
            var now = clock.GetUtcNow();
            query = query.Where(i => i.AcceptedAt == null && i.ExpiresAt > now);
        }
        return query.OrderByDescending(i => i.CreatedAt)
            .Select(i => new InvitationRow(i.Id, i.Email, i.Role, i.VendorId,
                db.Vendors.Where(v => v.Id == i.VendorId).Select(v => v.Name).FirstOrDefault(), i.Language,
                i.CreatedAt, i.ExpiresAt, i.EmailSentAt, i.AcceptedAt))
            .ToPageAsync(page, ct);
    }
}
