namespace VendorPortal.Web.Features.Identity.Api;

public sealed class ForgotPasswordRequest
{
    public string Email { get; set; } = "";
}

public sealed class ForgotPasswordValidator : Validator<ForgotPasswordRequest>
{
    public ForgotPasswordValidator() => RuleFor(x => x.Email).NotEmpty().EmailAddress().MaximumLength(254);
}

public sealed class ForgotPassword(PasswordReset reset) : Endpoint<ForgotPasswordRequest>
{
    public override void Configure()
    {
        Post("auth/forgot-password");
        AllowAnonymous();
        Options(o => o.RequireRateLimiting(Hosting.Authentication.LoginRateLimit));
        Description(b => b.ClearDefaultProduces(200).Produces(202));
        Summary(s => s.Summary = "E-mails a password reset link if the address has an account; always 202, so it does not reveal which addresses do.");
    }

    public override async Task HandleAsync(ForgotPasswordRequest req, CancellationToken ct)
    {
        await reset.RequestAsync(req.Email);
        await Send.ResultAsync(Results.Accepted());
    }
}
