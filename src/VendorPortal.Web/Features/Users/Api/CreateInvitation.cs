
namespace VendorPortal.Web.Features.Users.Api;

public sealed class CreateInvitation(InvitationOperations invitations) : Endpoint<InvitationInput, InvitationResponse>
{
    public override void Configure()
    {
        Post("invitations");
        Group<TenantGroup>();
        Description(b => b.ClearDefaultProduces(200).Produces<InvitationResponse>(201));
        Policies(nameof(Permission.ManageUsers));
        Summary(s => s.Summary = "Invites a person with a role (and vendor); the e-mail goes out from a background job.");
    }

    public override async Task HandleAsync(InvitationInput req, CancellationToken ct) =>
        await Send.ResponseAsync(InvitationResponse.From(await invitations.CreateAsync(req, ct)), StatusCodes.Status201Created, ct);
}
