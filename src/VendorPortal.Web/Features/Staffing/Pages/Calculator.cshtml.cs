
using Microsoft.AspNetCore.Mvc;
using VendorPortal.Web.Features.Events;
namespace VendorPortal.Web.Features.Staffing.Pages;

/// <summary>
/// The staffing calculator for one interval: Erlang C, or Erlang A with the callers' patience, with the same validation and
/// arithmetic as GET /staffing/erlang-c and GET /staffing/erlang-a.
/// </summary>
public sealed class CalculatorModel(IStringLocalizer<SharedResource> T) : PageModel
{
    [BindProperty(SupportsGet = true)] public double? Contacts { get; set; }
    [BindProperty(SupportsGet = true)] public int IntervalMinutes { get; set; } = 30;
    [BindProperty(SupportsGet = true)] public double AhtSeconds { get; set; } = 180;
    [BindProperty(SupportsGet = true)] public double ServiceLevelPercent { get; set; } = 80;
    [BindProperty(SupportsGet = true)] public double TargetSeconds { get; set; } = 20;
    [BindProperty(SupportsGet = true)] public double ShrinkagePercent { get; set; } = 30;
    [BindProperty(SupportsGet = true)] public double MaxOccupancyPercent { get; set; } = 85;
    [BindProperty(SupportsGet = true)] public StaffingModel StaffingModel { get; set; } = StaffingModel.ErlangC;
    [BindProperty(SupportsGet = true)] public double? PatienceSeconds { get; set; } = 120;

    public bool IsErlangA => StaffingModel == StaffingModel.ErlangA;

    public StaffingResult? Result { get; private set; }

    public void OnGet()
    {
        if (Contacts is not { } contacts) return;
        var request = IsErlangA ? new ErlangARequest { PatienceSeconds = PatienceSeconds ?? 0 } : new ErlangCRequest();
        request.Contacts = contacts;
        request.IntervalMinutes = IntervalMinutes;
        request.AhtSeconds = AhtSeconds;
        request.ServiceLevel = ServiceLevelPercent / 100;
        request.TargetSeconds = TargetSeconds;
        request.Shrinkage = ShrinkagePercent / 100;
        request.MaxOccupancy = MaxOccupancyPercent / 100;
        var valid = request is ErlangARequest erlangA
            ? ModelState.Validate(new ErlangARequestValidator(), erlangA, "", T, FieldOf)
            : ModelState.Validate(new ErlangCRequestValidator(), request, "", T, FieldOf);
        if (!valid) return;
        if (request.ServiceLevel >= 1)
        {
            ModelState.AddModelError(nameof(ServiceLevelPercent), T["A service level of 100% needs infinitely many agents; use a share below 100%."]);
            return;
        }
        try
        {
            Result = Erlang.Staff(new StaffingInput(request.Contacts, request.IntervalMinutes, request.AhtSeconds,
                request.ServiceLevel, request.TargetSeconds, request.Shrinkage, request.MaxOccupancy,
                request is ErlangARequest a ? a.PatienceSeconds : null));
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
