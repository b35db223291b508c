using System.Globalization;
using VendorPortal.Web.Features.Tenants;

namespace VendorPortal.Web.Shared;

/// <summary>Shows stored UTC instants in the tenant's own time zone.</summary>
public sealed class TenantTime(TimeZoneInfo zone)
{
    public static readonly TenantTime Utc = new(TimeZoneInfo.Utc);

    public string ZoneId => zone.Id;

    public static TenantTime Of(Tenant tenant) => new(tenant.Zone);

    public string Format(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "—";

    public string Date(DateTimeOffset? at) =>
        at is { } value ? TimeZoneInfo.ConvertTime(value, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : "—";
}
