using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace VendorPortal.Web.Features.Identity.Pages;

[AllowAnonymous]
[EnableRateLimiting(Hosting.Authentication.LoginRateLimit)]
public sealed class ForgotPasswordModel(PasswordReset reset, IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty] public string? Email { get; set; }
    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var email = Email?.Trim();
        if (string.IsNullOrEmpty(email) || email.Length > 254 || !email.Contains('@', StringComparison.Ordinal))
        {
            ModelState.AddModelError(nameof(Email), T["Enter the e-mail address of your account."]);
            return Page();
        }
        await reset.RequestAsync(email);
        Sent = true;
        return Page();
    }
}
