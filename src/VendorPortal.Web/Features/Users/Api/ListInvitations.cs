using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Web.Features.Users.Api;

public sealed class ListInvitationsRequest : PageRequest;

public sealed class ListInvitationsValidator : PageRequestValidator<ListInvitationsRequest>;

public sealed class ListInvitations(AppDbContext db) : Endpoint<ListInvitationsRequest, Paged<InvitationResponse>>
{
    public override void Configure()
    {
        Get("invitations");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageUsers));
    }

    public override async Task HandleAsync(ListInvitationsRequest req, CancellationToken ct) =>
        await Send.OkAsync(await db.Invitations.AsNoTracking().OrderByDescending(i => i.CreatedAt)
            .Select(InvitationResponse.Projection).ToPageAsync(req, ct), ct);
}
