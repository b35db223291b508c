namespace VendorPortal.Web.Features.Identity.Api;

public sealed class LoginRequest
{
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
}

public sealed class LoginValidator : Validator<LoginRequest>
{
    public LoginValidator()
    {
        RuleFor(x => x.Email).NotEmpty().MaximumLength(254);
        RuleFor(x => x.Password).NotEmpty().MaximumLength(200);
    }
}

public sealed class Login(PasswordCheck passwords, TokenIssuer tokens) : Endpoint<LoginRequest, TokenResponse>
{
    public override void Configure()
    {
        Post("auth/login");
        AllowAnonymous();
        Options(o => o.RequireRateLimiting(Hosting.Authentication.LoginRateLimit));
        Summary(s => s.Summary = "Exchanges e-mail and password for a bearer access token and a refresh token.");
    }

    public override async Task HandleAsync(LoginRequest req, CancellationToken ct)
    {
        var (user, result) = await passwords.CheckAsync(req.Email, req.Password);
        if (result.IsLockedOut)
            throw new RuleViolation("", IdentityRules.LockedOut, StatusCodes.Status401Unauthorized);
        if (!result.Succeeded)
            throw new RuleViolation("", IdentityRules.WrongCredentials, StatusCodes.Status401Unauthorized);
        await Send.OkAsync(await tokens.IssueAsync(user!), ct);
    }
}
