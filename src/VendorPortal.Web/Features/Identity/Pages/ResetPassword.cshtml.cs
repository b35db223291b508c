using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace VendorPortal.Web.Features.Identity.Pages;

public sealed class ResetPasswordForm
{
    public string? Email { get; set; }
    public string? Token { get; set; }
    public string? NewPassword { get; set; }
    public string? ConfirmPassword { get; set; }
}

[AllowAnonymous]
[EnableRateLimiting(Hosting.Authentication.LoginRateLimit)]
public sealed class ResetPasswordModel(PasswordReset reset, SignInManager<User> signIn, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public ResetPasswordForm Input { get; set; } = new();

    public void OnGet(string? email, string? token) => Input = new ResetPasswordForm { Email = email, Token = token };

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrEmpty(Input.Email) || string.IsNullOrEmpty(Input.Token) || Input.Token.Length > 2000)
            ModelState.AddModelError("", IdentityRules.ResetLinkInvalid.Text());
        else if (string.IsNullOrEmpty(Input.NewPassword) || Input.NewPassword.Length > 200)
            ModelState.AddModelError("Input.NewPassword", T["Enter a new password."]);
        else if (Input.NewPassword != Input.ConfirmPassword)
            ModelState.AddModelError("Input.ConfirmPassword", T["The two passwords do not match."]);
        if (!ModelState.IsValid) return Page();

        try
        {
            await reset.ResetAsync(Input.Email!, Input.Token!, Input.NewPassword!);
        }
        catch (RuleViolation rule)
        {
            ModelState.AddModelError(rule.Field == "newPassword" ? "Input.NewPassword" : "", rule.Error.Text());
            return Page();
        }
        // Whoever was signed in on this browser is signed out too: the new password is the only way in.
        await signIn.SignOutAsync();
        TempData["Flash"] = T["Your password was changed and every sign-in ended. Sign in with the new password."].Value;
        return LocalRedirect("/account/login");
    }
}
