namespace VendorPortal.Web.Features.Audit;

/// <summary>
/// The audit trail's filters, shared by the portal list and the CSV export: a record type, and a range of the tenant's
/// local dates (both inclusive, either open).
/// </summary>
public sealed record AuditFilter(DateOnly? From, DateOnly? To, string? EntityType)
{
    /// <summary>The matching entries, newest first.</summary>
    public async Task<IQueryable<AuditEntry>> ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(EntityType)) query = query.Where(a => a.EntityType == EntityType);
        if (From is not null || To is not null)
        {
            var zone = await db.TenantZoneAsync(ct);
            if (From is { } from)
            {
                var start = TenantTime.ToInstant(from.ToDateTime(TimeOnly.MinValue), zone, "from");
                query = query.Where(a => a.At >= start);
            }
            if (To is { } to && to < DateOnly.MaxValue)
            {
                var end = TenantTime.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone, "to");
                query = query.Where(a => a.At < end);
            }
        }
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id);
    }
}
