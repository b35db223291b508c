using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Shared;

/// <summary>
/// A tenant's wall-clock time, which is how people plan shifts and sessions, against the UTC instants that are stored.
/// DST-correct: a local time that does not exist (clocks jump forward) is refused, and one that occurs twice
/// (clocks fall back) takes the first occurrence.
/// </summary>
public sealed class TenantTime(TimeZoneInfo zone)
{
    public static readonly TenantTime Utc = new(TimeZoneInfo.Utc);

    public string ZoneId => zone.Id;

    public static TenantTime Of(Tenant tenant) => new(tenant.Zone);

    public string Format(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public string Date(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";

    public static DateTimeOffset ToInstant(DateTime local, TimeZoneInfo zone, string field)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(wall))
            throw new RuleViolation(field, CommonRules.SkippedTime(wall, zone.Id));
        var offset = zone.IsAmbiguousTime(wall)
            ? zone.GetAmbiguousTimeOffsets(wall).Max()
            : zone.GetUtcOffset(wall);
        return new DateTimeOffset(wall, offset).ToUniversalTime();
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateTimeOffset? ToLocal(DateTimeOffset? instant, TimeZoneInfo zone) => instant is { } at ? ToLocal(at, zone) : null;
}

public static class TenantZones
{
    /// <summary>The time zone of the tenant in scope: every local time in the tenant is written and read in it.</summary>
    public static async Task<TimeZoneInfo> TenantZoneAsync(this AppDbContext db, CancellationToken ct) =>
        TimeZoneInfo.FindSystemTimeZoneById(await db.Tenants.Where(t => t.Id == db.Scope!.TenantId).Select(t => t.TimeZone).SingleAsync(ct));
}
