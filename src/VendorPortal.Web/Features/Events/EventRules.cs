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

    // In-house capacity: the center's own agents per skill and interval, and the weekly pattern that fills them in.
    public static RuleError InHouseOutsideDates => new("event.in_house_outside_dates");
    public static RuleError InHouseOffGrid(int intervalMinutes) => new("event.in_house_off_grid", intervalMinutes);
    public static RuleError InHouseEmpty => new("event.in_house.empty");
    public static RuleError InHouseTooManyLines(int max) => new("event.in_house.too_many_lines", max);
    public static RuleError InHouseTooManyRows(int max) => new("event.in_house.too_many_rows", max);
    public static RuleError InHouseNoRows => new("event.in_house.no_rows");
    public static RuleError InHouseUnknownSkillId => new("event.in_house.unknown_skill_id");
    public static RuleError InHouseBadAgents(string text) => new("event.in_house.bad_agents", text);
    public static RuleError InHouseAgentsRange(int max) => new("event.in_house.agents_range", max);
    public static RuleError PatternNoDays => new("event.in_house.pattern_no_days");
    public static RuleError PatternBadDay(string text) => new("event.in_house.pattern_bad_day", text);
    public static RuleError PatternBadTime(string text) => new("event.in_house.pattern_bad_time", text);
    public static RuleError PatternOffGrid(string text, int intervalMinutes) => new("event.in_house.pattern_off_grid", text, intervalMinutes);
    public static RuleError PatternEndsBeforeStart => new("event.in_house.pattern_ends_before_start");
    public static RuleError PatternNoEventDays => new("event.in_house.pattern_no_event_days");
}
