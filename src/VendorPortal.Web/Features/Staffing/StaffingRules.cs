namespace VendorPortal.Web.Features.Staffing;

/// <summary>The rules of the staffing calculator. Texts in Resources/RuleMessages*.resx.</summary>
public static class StaffingRules
{
    public static RuleError TooMuchTraffic(double erlangs, double max) => new("staffing.too_much_traffic", erlangs, max);
}
