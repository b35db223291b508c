namespace VendorPortal.Web.Features.Audit;

/// <summary>
/// The audit trail's filters: a range of the tenant's local dates (both inclusive, either open), a record type, one record.
/// </summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? EntityType = null, Guid? EntityId = null);

public sealed record AuditRow(
    Guid Id, DateTimeOffset At, string ActorName, Guid? ActorUserId, Guid? ActorApiKeyId, string Action, string EntityType, Guid EntityId, string Changes);

/// <summary>The audit trail, newest first, read by the API list, the portal list and the CSV export.</summary>
public sealed class AuditList(AppDbContext db)
{
    public async Task<Paged<AuditRow>> PageAsync(AuditFilter filter, PageRequest page, CancellationToken ct) =>
        await (await QueryAsync(filter, ct)).ToPageAsync(page, ct);

    /// <summary>The matching entries, newest first.</summary>
    public async Task<IQueryable<AuditRow>> QueryAsync(AuditFilter filter, CancellationToken ct)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.EntityType)) query = query.Where(a => a.EntityType == filter.EntityType);
        if (filter.EntityId is { } id) query = query.Where(a => a.EntityId == id);
        if (filter.From is not null || filter.To is not null)
        {
            var zone = await db.TenantZoneAsync(ct);
            if (filter.From is { } from)
            {
                var start = TenantTime.ToInstant(from.ToDateTime(TimeOnly.MinValue), zone, "from");
                query = query.Where(a => a.At >= start);
            }
            if (filter.To is { } to && to < DateOnly.MaxValue)
            {
                var end = TenantTime.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue), zone, "to");
                query = query.Where(a => a.At < end);
            }
        }
        return query.OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Select(a => new AuditRow(a.Id, a.At, a.ActorName, a.ActorUserId, a.ActorApiKeyId, a.Action, a.EntityType, a.EntityId, a.Changes));
    }
}
