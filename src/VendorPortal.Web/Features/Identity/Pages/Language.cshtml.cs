using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Identity.Pages;

[AllowAnonymous]
public sealed class LanguageModel(UserManager<User> users) : PageModel
{
    public IActionResult OnGet() => LocalRedirect("/");

    public async Task<IActionResult> OnPostAsync(string? culture, string? returnUrl)
    {
        var language = Portal.CultureOf(culture);
        CultureCookie.Set(HttpContext, language);
        if (User.UserId() is not null && await users.GetUserAsync(User) is { } user && user.Language != language)
        {
            user.Language = language;
            await users.UpdateAsync(user);
        }
        return LocalRedirect(!string.IsNullOrEmpty(returnUrl) && Url.IsLocalUrl(returnUrl) ? returnUrl : "/");
    }
}
