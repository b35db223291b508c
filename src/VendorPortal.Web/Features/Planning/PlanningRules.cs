namespace VendorPortal.Web.Features.Planning;

/// <summary>The rules of the suggested surge plan. Texts in Resources/RuleMessages*.resx.</summary>
public static class PlanningRules
{
    public static RuleError NoForecast => new("planning.no_forecast");
    public static RuleError StepOffGrid(int step, int interval) => new("planning.step_off_grid", step, interval);
    public static RuleError LengthOffGrid(double hours, int interval) => new("planning.length_off_grid", hours, interval);
    /// <summary>A run of intervals no vendor's free, trained agents can cover.</summary>
    public static RuleError NoVendorCanSupply(string skill, DateOnly date, string from, string to, int agents) =>
        new("planning.shortfall_pool", skill, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), from, to, agents);
    /// <summary>A run of intervals no shift of the allowed lengths, starting on the step, fits into.</summary>
    public static RuleError NoShiftFits(string skill, DateOnly date, string from, string to, int agents) =>
        new("planning.shortfall_no_shift", skill, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), from, to, agents);
    public static RuleError MissingSkill => new("planning.missing_skill");
    public static RuleError BadTime(string text) => new("planning.bad_time", text);
    public static RuleError VendorTwice => new("planning.vendor_twice");
    /// <summary>A hand-made request's shape check failed (its validator's own words).</summary>
    public static RuleError RequestShape(string message) => new("planning.request_shape", message);
    public static RuleError NothingToSend => new("planning.nothing_to_send");
}
