using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Identity.Pages;

[AllowAnonymous]
public sealed class LogoutModel(SignInManager<User> signIn) : PageModel
{
    public IActionResult OnGet() => User.Identity?.IsAuthenticated == true ? Page() : LocalRedirect("/account/login");

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return LocalRedirect("/account/login");
    }
}
