
namespace VendorPortal.Web.Features.Users.Api;

public sealed class ListInvitationsRequest : PageRequest;

public sealed class ListInvitationsValidator : PageRequestValidator<ListInvitationsRequest>;

public sealed class ListInvitations(InvitationList invitations) : Endpoint<ListInvitationsRequest, Paged<InvitationResponse>>
{
    public override void Configure()
    {
        Get("invitations");
        Summary(s => s.Summary = "The tenant's invitations, newest first, with when each was sent and accepted.");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageUsers));
    }

    public override async Task HandleAsync(ListInvitationsRequest req, CancellationToken ct) =>
        await Send.OkAsync((await invitations.PageAsync(new InvitationFilter(), req, ct)).Select(i => new InvitationResponse(
            i.Id, i.Email, i.Role.ToString(), i.VendorId, i.Language, i.CreatedAt, i.ExpiresAt, i.EmailSentAt, i.AcceptedAt)), ct);
}
