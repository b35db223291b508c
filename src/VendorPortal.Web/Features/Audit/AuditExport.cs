
namespace VendorPortal.Web.Features.Audit;

/// <summary>
/// The audit trail as CSV for a date range, newest first, streamed row by row (at most <see cref="CsvExport.MaxRows"/>):
/// the instant in UTC and in the tenant's local time, who, what, and the changed values as JSON. Shared by the API and the portal.
/// </summary>
public sealed class AuditExport(AppDbContext db, AuditList list)
{
    public async Task SendAsync(HttpResponse response, AuditFilter filter, CancellationToken ct)
    {
        var query = await list.QueryAsync(filter, ct);
        CsvExport.EnsureWithinCap(await query.CountAsync(ct));
        var zone = await db.TenantZoneAsync(ct);
        var range = $"{filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "start"}-to-{filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "now"}";
        await CsvExport.SendAsync(response, $"audit-{db.Scope!.TenantSlug}-{range}.csv", async csv =>
        {
            csv.WriteHeader(["at", "atLocal", "actor", "actorUserId", "actorApiKeyId", "action", "entityType", "entityId", "changes"]);
            await foreach (var a in query.AsAsyncEnumerable().WithCancellation(ct))
            {
                csv.WriteField(a.At.ToUniversalTime());
                csv.WriteField(TenantTime.ToLocal(a.At, zone).DateTime, "yyyy-MM-dd HH:mm:ss");
                csv.WriteField(a.ActorName);
                csv.WriteField(a.ActorUserId);
                csv.WriteField(a.ActorApiKeyId);
                csv.WriteField(a.Action);
                csv.WriteField(a.EntityType);
                csv.WriteField(a.EntityId);
                csv.WriteField(a.Changes);
                await csv.EndAsync(ct);
            }
        }, ct);
    }
}
