namespace VendorPortal.Web.Shared;

/// <summary>
/// Converts between a tenant's wall-clock time (how people plan shifts and sessions) and stored UTC instants,
/// DST-correct: a local time that does not exist (clocks jump forward) is refused, and one that occurs
/// twice (clocks fall back) takes the first occurrence.
/// </summary>
public static class TenantTime
{
    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone, string field)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
            throw new RuleViolation(field, $"{wall:yyyy-MM-dd HH:mm} does not exist in {zone.Id} (the clocks skip it).");
        var offset = zone.IsAmbiguousTime(wall)
            ? zone.GetAmbiguousTimeOffsets(wall).Max()
            : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);
}
