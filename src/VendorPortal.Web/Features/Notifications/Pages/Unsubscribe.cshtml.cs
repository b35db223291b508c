using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Notifications.Pages;

/// <summary>
/// Where an e-mail's unsubscribe link leads, without sign-in: the signed token names the person and the category. Opening
/// it only asks (link scanners open links too); the POST unsubscribes, from the page's button or from a mail client's
/// one-click request (RFC 8058, "List-Unsubscribe=One-Click"), which carries no antiforgery token: the token is the credential.
/// </summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
public sealed class UnsubscribeModel(UnsubscribeLinks links, NotificationPreferences preferences) : PageModel
{
    public NotificationCategory Category { get; private set; }
    public bool Done { get; private set; }

    public IActionResult OnGet(string token)
    {
        if (links.Read(token) is not { } link) return NotFound();
        Category = link.Category;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        if (links.Read(token) is not { } link) return NotFound();
        await preferences.SetAsync(link.UserId, new Dictionary<NotificationCategory, bool> { [link.Category] = false }, ct);
        Category = link.Category;
        Done = true;
        return Page();
    }
}
