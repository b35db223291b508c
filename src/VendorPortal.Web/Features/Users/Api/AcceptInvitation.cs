namespace VendorPortal.Web.Features.Users.Api;

public sealed class AcceptInvitationRequest
{
    public string Token { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class AcceptInvitationValidator : Validator<AcceptInvitationRequest>
{
    public AcceptInvitationValidator()
    {
        RuleFor(x => x.Token).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.DisplayName).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200);
    }
}

public sealed record AcceptInvitationResponse(Guid UserId, string Email, string Tenant);

public sealed class AcceptInvitation(InvitationOperations invitations, AppDbContext db) : Endpoint<AcceptInvitationRequest, AcceptInvitationResponse>
{
    public override void Configure()
    {
        Post("invitations/accept");
        AllowAnonymous();
        Options(o => o.RequireRateLimiting(Hosting.Authentication.LoginRateLimit));
        Summary(s => s.Summary = "Accepts an invitation from its e-mailed token, creating the account if the e-mail has none.");
    }

    public override async Task HandleAsync(AcceptInvitationRequest req, CancellationToken ct)
    {
        var user = await invitations.AcceptAsync(new AcceptInvitationInput(req.Token, req.DisplayName, req.Password), null, ct);
        await Send.OkAsync(new AcceptInvitationResponse(user.Id, user.Email!, db.Scope!.TenantSlug), ct);
    }
}
