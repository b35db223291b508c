using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Users.Api;

public sealed class ListUsersRequest : PageRequest;

public sealed class ListUsersValidator : PageRequestValidator<ListUsersRequest>;

public sealed record UserResponse(Guid UserId, string Email, string DisplayName, string Role, Guid? VendorId, string? VendorName, bool LockedOut, bool Disabled);

public sealed class ListUsers(AppDbContext db, TimeProvider clock) : Endpoint<ListUsersRequest, Paged<UserResponse>>
{
    public override void Configure()
    {
        Get("users");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageUsers));
    }

    public override async Task HandleAsync(ListUsersRequest req, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var page = await db.Memberships.AsNoTracking()
            .OrderBy(m => m.User!.Email)
            .Select(m => new UserResponse(m.UserId, m.User!.Email!, m.User.DisplayName, m.Role.ToString(), m.VendorId,
                m.Vendor == null ? null : m.Vendor.Name, m.User.LockoutEnd != null && m.User.LockoutEnd > now, m.DisabledAt != null))
            .ToPageAsync(req, ct);
        await Send.OkAsync(page, ct);
    }
}
