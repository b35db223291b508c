namespace VendorPortal.Web.Features.Identity.Api;

public sealed class RefreshRequest
{
    public string RefreshToken { get; set; } = "";
}

public sealed class RefreshValidator : Validator<RefreshRequest>
{
    public RefreshValidator() => RuleFor(x => x.RefreshToken).NotEmpty().MaximumLength(4000);
}

public sealed class Refresh(TokenIssuer tokens) : Endpoint<RefreshRequest, TokenResponse>
{
    public override void Configure()
    {
        Post("auth/refresh");
        AllowAnonymous();
        Options(o => o.RequireRateLimiting(Hosting.Authentication.LoginRateLimit));
        Summary(s => s.Summary = "Exchanges a refresh token for new tokens; fails once the password or security stamp changed.");
    }

    public override async Task HandleAsync(RefreshRequest req, CancellationToken ct)
    {
        var user = await tokens.RedeemAsync(req.RefreshToken);
        if (user is null) throw new RuleViolation("", IdentityRules.RefreshTokenInvalid, StatusCodes.Status401Unauthorized);
        await Send.OkAsync(await tokens.IssueAsync(user!), ct);
    }
}
