using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace VendorPortal.Web.Features.Identity.Pages;

public sealed class LoginForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public bool RememberMe { get; set; }
}

[AllowAnonymous]
[EnableRateLimiting(Hosting.Authentication.LoginRateLimit)]
public sealed class LoginModel(PasswordCheck passwords, SignInManager<User> signIn, IStringLocalizer<SharedResource> T) : PageModel
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

        User? user;
        Microsoft.AspNetCore.Identity.SignInResult result;
        try
        {
            (user, result) = await passwords.CheckAsync(Input.Email, Input.Password);
        }
        catch (TooManySignInAttempts many)
        {
            PasswordCheck.Refuse(Response, many);
            ModelState.AddModelError("", T["Too many failed sign-ins for this account. Try again in {0} minutes.", many.Minutes]);
            return Page();
        }
        if (result.IsLockedOut)
        {
            ModelState.AddModelError("", IdentityRules.LockedOut.Text());
            return Page();
        }
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", IdentityRules.WrongCredentials.Text());
            return Page();
        }

        await signIn.SignInAsync(user!, Input.RememberMe, authenticationMethod: "pwd");
        CultureCookie.Set(HttpContext, user!.Language);
        return LocalRedirect(Destination);
    }

    private string Destination => !string.IsNullOrEmpty(ReturnUrl) && Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
}
