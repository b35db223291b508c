
namespace VendorPortal.Web.Features.Users.Api;

public sealed class ChangeUserRequest
{
    public Guid UserId { get; set; }
    [FromBody] public UserChange Change { get; set; } = new();
}

public sealed class ChangeUserValidator : Validator<ChangeUserRequest>
{
    public ChangeUserValidator() => RuleFor(x => x.Change).NotNull().SetValidator(new UserChangeValidator());
}

public sealed class ChangeUser(UserOperations operations) : Endpoint<ChangeUserRequest, MemberResponse>
{
    public override void Configure()
    {
        Patch("users/{userId}");
        Group<TenantGroup>();
        Policies(nameof(Permission.ManageUsers));
        Summary(s => s.Summary = "Changes a person's role (and vendor) or disables/enables them in this tenant; their sign-ins end at once.");
    }

    public override async Task HandleAsync(ChangeUserRequest req, CancellationToken ct) =>
        await Send.OkAsync(await operations.ChangeAsync(req.UserId, req.Change, ct), ct);
}
