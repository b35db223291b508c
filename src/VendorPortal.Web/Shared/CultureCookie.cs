using Microsoft.AspNetCore.Localization;

namespace VendorPortal.Web.Shared;

/// <summary>The portal's language lives in ASP.NET's culture cookie, set from the user's saved language.</summary>
public static class CultureCookie
{
    public static void Set(HttpContext http, string? language) =>
        http.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(Portal.CultureOf(language))),
            new CookieOptions
            {
                Path = "/",
                Expires = http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().AddYears(1),
                IsEssential = true,
                HttpOnly = true,
                SameSite = SameSiteMode.Lax,
                Secure = http.Request.IsHttps,
            });
}
