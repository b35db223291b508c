namespace VendorPortal.Web.Features.Events;

/// <summary>The rules of surge events. Texts in Resources/RuleMessages*.resx.</summary>
public static class EventRules
{
    public static RuleError NoSuchEvent => new("event.no_such_event");
    public static RuleError Closed => new("event.closed");
    public static RuleError ForecastOutsideDates => new("event.forecast_outside_dates");
    public static RuleError ForecastOffGrid(int intervalMinutes) => new("event.forecast_off_grid", intervalMinutes);

    public static RuleError ForecastEmpty => new("event.forecast.empty");
    public static RuleError ForecastTooManyLines(int max) => new("event.forecast.too_many_lines", max);
    public static RuleError ForecastTooManyRows(int max) => new("event.forecast.too_many_rows", max);
    public static RuleError ForecastNoRows => new("event.forecast.no_rows");
    public static RuleError BadContacts(string text) => new("event.forecast.bad_contacts", text);
    public static RuleError BadAhtSeconds(string text) => new("event.forecast.bad_aht_seconds", text);
    public static RuleError MissingSkill => new("event.forecast.missing_skill");
    public static RuleError UnknownSkill(string code) => new("event.forecast.unknown_skill", code);
    public static RuleError DateOutside(DateOnly date, DateOnly start, DateOnly end) => new("event.forecast.date_outside", date, start, end);
    public static RuleError BadStart(string text) => new("event.forecast.bad_start", text);
    public static RuleError StartOffGrid(TimeOnly start, int intervalMinutes) => new("event.forecast.start_off_grid", start, intervalMinutes);
    public static RuleError NegativeContacts => new("event.forecast.negative_contacts");
    public static RuleError TooManyContacts => new("event.forecast.too_many_contacts");
    public static RuleError AhtSecondsRange => new("event.forecast.aht_seconds_range");
    public static RuleError TooMuchTraffic(double erlangs) => new("event.forecast.too_much_traffic", erlangs);
    public static RuleError DuplicateRow(string first) => new("event.forecast.duplicate", first);
}
