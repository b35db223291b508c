
using Microsoft.AspNetCore.Mvc;
namespace VendorPortal.Web.Features.Staffing.Pages;

/// <summary>The Erlang C calculator for one interval, with the same validation and arithmetic as GET /staffing/erlang-c.</summary>
public sealed class CalculatorModel(IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public double? Contacts { get; set; }
    [BindProperty(SupportsGet = true)] public int IntervalMinutes { get; set; } = 30;
    [BindProperty(SupportsGet = true)] public double AhtSeconds { get; set; } = 180;
    [BindProperty(SupportsGet = true)] public double ServiceLevelPercent { get; set; } = 80;
    [BindProperty(SupportsGet = true)] public double TargetSeconds { get; set; } = 20;
    [BindProperty(SupportsGet = true)] public double ShrinkagePercent { get; set; } = 30;
    [BindProperty(SupportsGet = true)] public double MaxOccupancyPercent { get; set; } = 85;

    public StaffingResult? Result { get; private set; }

    public void OnGet()
    {
        if (Contacts is not { } contacts) return;
        var request = new ErlangCRequest
        {
            Contacts = contacts, IntervalMinutes = IntervalMinutes, AhtSeconds = AhtSeconds,
            ServiceLevel = ServiceLevelPercent / 100, TargetSeconds = TargetSeconds,
            Shrinkage = ShrinkagePercent / 100, MaxOccupancy = MaxOccupancyPercent / 100,
        };
        if (!ModelState.Validate(new ErlangCRequestValidator(), request, "", T, FieldOf)) return;
        if (request.ServiceLevel >= 1)
        {
            ModelState.AddModelError(nameof(ServiceLevelPercent), T["A service level of 100% needs infinitely many agents; use a share below 100%."]);
            return;
        }
        try
        {
            Result = ErlangC.Staff(new StaffingInput(request.Contacts, request.IntervalMinutes, request.AhtSeconds,
                request.ServiceLevel, request.TargetSeconds, request.Shrinkage, request.MaxOccupancy));
        }
        catch (RuleViolation rule)
        {
            ModelState.AddModelError(nameof(Contacts), rule.Error.Text());
        }
    }

    private static string? FieldOf(string property) => property switch
    {
        nameof(ErlangCRequest.ServiceLevel) => nameof(ServiceLevelPercent),
        nameof(ErlangCRequest.Shrinkage) => nameof(ShrinkagePercent),
        nameof(ErlangCRequest.MaxOccupancy) => nameof(MaxOccupancyPercent),
        _ => property,
    };
}
