using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace VendorPortal.Web.Features.Errors.Pages;

[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class ErrorModel(IStringLocalizer<SharedResource> T) : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    // Runs for every method: the exception handler re-executes this page with the failed request's method.
    public override void OnPageHandlerSelected(PageHandlerSelectedContext context)
    {
        var code = int.TryParse(RouteData.Values["code"] as string, out var routeCode) ? routeCode : (int?)null;
        Code = code is >= 400 and <= 599 ? code.Value
            : Response.StatusCode >= 400 ? Response.StatusCode
            : StatusCodes.Status500InternalServerError;
        Response.StatusCode = Code;
        (Title, Message) = Code switch
        {
            404 => (T["Page not found"], T["The page you asked for does not exist, or you do not have access to it."]),
            403 => (T["Access denied"], T["Your role in this tenant does not allow this page. Ask a tenant admin if you need access."]),
            401 => (T["Please sign in"], T["Sign in to open this page."]),
            429 => (T["Too many requests"], int.TryParse(Response.Headers.RetryAfter, out var seconds)
                ? T["Too many sign-in attempts from your network. Try again in {0} seconds.", seconds]
                : T["Wait a minute before trying again."]),
            < 500 => (T["The request could not be processed"], T["Reload the page and try again."]),
            _ => (T["Something went wrong"], T["An unexpected error occurred. It has been logged; please try again."]),
        };
    }
}
