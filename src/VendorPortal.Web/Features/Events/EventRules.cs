namespace VendorPortal.Web.Features.Events;

/// <summary>The rules of surge events. Texts in Resources/RuleMessages*.resx.</summary>
public static class EventRules
{
    public static RuleError NoSuchEvent => new("event.no_such_event");
    public static RuleError Closed => new("event.closed");
    public static RuleError ForecastOutsideDates => new("event.forecast_outside_dates");
    public static RuleError ForecastOffGrid(int intervalMinutes) => new("event.forecast_off_grid", intervalMinutes);
}
