using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace VendorPortal.Web.Features.Identity.Pages;

public sealed class LoginForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
}

[AllowAnonymous]
[EnableRateLimiting(Hosting.Authentication.LoginRateLimit)]
public sealed class LoginModel(UserManager<User> users, SignInManager<User> signIn, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public LoginForm Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public IActionResult OnGet() =>
        User.Identity?.IsAuthenticated == true ? LocalRedirect(Destination) : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Input.Email) || string.IsNullOrEmpty(Input.Password))
        {
            ModelState.AddModelError("", T["Enter your e-mail and password."]);
            return Page();
        }

        var user = await users.FindByEmailAsync(Input.Email.Trim());
        var result = user is null
            ? UnknownUser.CheckPassword(users, Input.Password)
            : await signIn.PasswordSignInAsync(user, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", T["This account is locked after repeated failed sign-ins. Try again in 15 minutes."]);
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", T["The e-mail or password is not correct."]);
            return Page();
        }

        CultureCookie.Set(HttpContext, user!.Language);
        return LocalRedirect(Destination);
    }

    private string Destination => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
