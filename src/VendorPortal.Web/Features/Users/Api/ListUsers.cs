
namespace VendorPortal.Web.Features.Users.Api;

public sealed class ListUsersRequest : PageRequest;

public sealed class ListUsersValidator : PageRequestValidator<ListUsersRequest>;

public sealed record UserResponse(Guid UserId, string Email, string DisplayName, string Role, Guid? VendorId, string? VendorName, bool LockedOut, bool Disabled);

public sealed class ListUsers(MemberList members) : Endpoint<ListUsersRequest, Paged<UserResponse>>
{
    public override void Configure()
    {
        Get("users");
        Summary(s => s.Summary = "The tenant's members and their roles.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageUsers));
    }

    public override async Task HandleAsync(ListUsersRequest req, CancellationToken ct) =>
        await Send.OkAsync((await members.PageAsync(new MemberFilter(MemberOrder.Email), req, ct)).Select(m => new UserResponse(
            m.UserId, m.Email, m.DisplayName, m.Role.ToString(), m.VendorId, m.VendorName, m.LockedOut, m.Disabled)), ct);
}
