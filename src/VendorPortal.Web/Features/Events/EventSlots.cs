namespace VendorPortal.Web.Features.Events;

/// <summary>
/// The checks every per-interval row of an event passes, whatever it carries (forecast contacts, in-house agents): a known
/// skill, a date inside the event, a start on the event's interval grid that the clocks do not skip.
/// </summary>
public static class EventSlots
{
    /// <summary>The skill named by its code (case-insensitive), or a problem.</summary>
    public static bool Skill(IReadOnlyDictionary<string, Guid> skills, string? code, List<RuleError> problems, out Guid skillId)
    {
        code = code?.Trim() ?? "";
        if (skills.TryGetValue(code, out skillId)) return true;
        problems.Add(code.Length == 0 ? EventRules.MissingSkill : EventRules.UnknownSkill(code));
        return false;
    }

    /// <summary>A local date (yyyy-MM-dd) inside the event and a start (HH:mm) on its grid that exists in the tenant's zone.</summary>
    public static bool DateAndStart(SurgeEvent e, TimeZoneInfo zone, string? dateText, string? startText, List<RuleError> problems,
        out DateOnly date, out TimeOnly start)
    {
        var before = problems.Count;
        var dateOk = DateOnly.TryParseExact(dateText?.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
        if (!dateOk) problems.Add(CommonRules.BadDate(dateText ?? ""));
        else if (date < e.StartDate || date > e.EndDate) problems.Add(EventRules.DateOutside(date, e.StartDate, e.EndDate));
        var startOk = TimeOnly.TryParseExact(startText?.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
        if (!startOk) problems.Add(EventRules.BadStart(startText ?? ""));
        else if (!OnGrid(start, e.IntervalMinutes))
            problems.Add(EventRules.StartOffGrid(start, e.IntervalMinutes));
        else if (dateOk && zone.IsInvalidTime(date.ToDateTime(start)))
            problems.Add(CommonRules.SkippedTime(date.ToDateTime(start), zone.Id));
        return problems.Count == before;
    }

    public static bool OnGrid(TimeOnly start, int intervalMinutes) =>
        start.Second == 0 && start.Millisecond == 0 && (start.Hour * 60 + start.Minute) % intervalMinutes == 0;
}
