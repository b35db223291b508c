namespace VendorPortal.Web.Features.Identity.Api;

public sealed class ResetPasswordRequest
{
    public string Email { get; set; } = "";
    public string Token { get; set; } = "";
    public string NewPassword { get; set; } = "";
}

public sealed class ResetPasswordValidator : Validator<ResetPasswordRequest>
{
    public ResetPasswordValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
        RuleFor(x => x.Token).NotEmpty().MaximumLength(2000);
        RuleFor(x => x.NewPassword).NotEmpty().MaximumLength(200);
    }
}

public sealed class ResetPassword(PasswordReset reset) : Endpoint<ResetPasswordRequest>
{
    public override void Configure()
    {
        Post("auth/reset-password");
        AllowAnonymous();
        Options(o => o.RequireRateLimiting(Hosting.Authentication.LoginRateLimit));
        Description(b => b.ClearDefaultProduces(200).Produces(204));
        Summary(s => s.Summary = "Sets a new password with the e-mailed token; every existing sign-in of the account ends and the token is spent.");
    }

    public override async Task HandleAsync(ResetPasswordRequest req, CancellationToken ct)
    {
        await reset.ResetAsync(req.Email, req.Token, req.NewPassword);
        await Send.NoContentAsync(ct);
    }
}
