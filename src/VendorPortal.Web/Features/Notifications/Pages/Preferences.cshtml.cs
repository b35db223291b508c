using Microsoft.AspNetCore.Mvc;

namespace VendorPortal.Web.Features.Notifications.Pages;

[Authorize(Policy = Hosting.Authentication.PeopleOnly)]
public sealed class PreferencesModel(NotificationPreferences preferences, IStringLocalizer<SharedResource> T) : PageModel
{
    public IReadOnlyList<(NotificationCategory Category, bool Receive)> Choices { get; private set; } = [];

    /// <summary>The categories ticked; the form lists every category, so one not ticked is one turned off.</summary>
    [BindProperty] public List<string> Receive { get; set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Choices = await preferences.OfAsync(User.UserId()!.Value, ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var ticked = Receive.Select(r => Enum.TryParse<NotificationCategory>(r, out var c) && Enum.IsDefined(c) ? c : (NotificationCategory?)null).ToHashSet();
        await preferences.SetAsync(User.UserId()!.Value, NotificationCategories.All.ToDictionary(c => c, c => ticked.Contains(c)), ct);
        TempData["Flash"] = T["Your notification preferences are saved."].Value;
        return RedirectToPage();
    }
}
