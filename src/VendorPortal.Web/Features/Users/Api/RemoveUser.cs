
namespace VendorPortal.Web.Features.Users.Api;

public sealed class RemoveUserRequest
{
    public Guid UserId { get; set; }
}

public sealed class RemoveUser(UserOperations operations) : Endpoint<RemoveUserRequest>
{
    public override void Configure()
    {
        Delete("users/{userId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageUsers));
        Description(b => b.ClearDefaultProduces(200).Produces(204));
        Summary(s => s.Summary = "Removes a person from this tenant (a vendor manager's vendor binding goes with it); their sign-ins end at once.");
    }

    public override async Task HandleAsync(RemoveUserRequest req, CancellationToken ct)
    {
        await operations.RemoveAsync(req.UserId, ct);
        await Send.NoContentAsync(ct);
    }
}
