using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace VendorPortal.Web.Features.Tenants.Pages;

public sealed class SettingsModel(AppDbContext db, TenantSettingsOperations settings, IStringLocalizer<SharedResource> T) : PageModel
{
    private static readonly Lazy<IReadOnlyList<string>> Zones = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(TenantSettingsValidator.IsTimeZone).Order(StringComparer.Ordinal)]);

    [BindProperty, ValidateNever] public TenantSettings Input { get; set; } = new();
    [BindProperty] public string? AlertLeadHoursText { get; set; }

    public bool CanEdit => db.Scope!.May(Permission.ManageSettings);
    public IReadOnlyList<string> TimeZones => Zones.Value.Contains(Input.TimeZone) ? Zones.Value : [Input.TimeZone, .. Zones.Value];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = TenantSettings.From(await settings.CurrentAsync(ct));
        AlertLeadHoursText = string.Join(", ", Input.AlertLeadHours);
    }

    public async Task<IActionResult> OnPostAsync(string tenant, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        Input.AlertLeadHours = ParseHours(AlertLeadHoursText);
        var valid = ModelState.Validate(new TenantSettingsValidator(), Input, nameof(Input), T,
            field => field.StartsWith(nameof(TenantSettings.AlertLeadHours), StringComparison.Ordinal) ? nameof(AlertLeadHoursText) : null);
        if (!valid) return Page();
        await settings.UpdateAsync(Input, ct);
        TempData["Flash"] = T["Your changes were saved."].Value;
        return LocalRedirect($"/t/{tenant}/settings");
    }

    private List<int> ParseHours(string? text)
    {
        var hours = new List<int>();
        foreach (var part in (text ?? "").Split([',', '，', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value)) hours.Add(value);
            else
            {
                ModelState.AddModelError(nameof(AlertLeadHoursText), T["Write whole hours separated by commas, e.g. 72, 48."]);
                break;
            }
        }
        return hours;
    }
}
