namespace VendorPortal.Web.Features.Webhooks;

public sealed record WebhookRow(Guid Id, string Url, IReadOnlyList<string> EventTypes, string? Description, bool Enabled,
    Guid? VendorId, string? VendorName, string? DisabledReason, DateTimeOffset CreatedAt);

public sealed record WebhookDeliveryRow(Guid Id, string MessageId, string EventType, int Attempts, int? LastStatusCode, string? LastResponse,
    DateTimeOffset? LastAttemptAt, DateTimeOffset? NextAttemptAt, DateTimeOffset? DeliveredAt, DateTimeOffset CreatedAt);

/// <summary>The endpoints the caller manages (a vendor manager: their vendor's), newest first, and each one's delivery log.</summary>
public sealed class WebhookList(AppDbContext db)
{
    public Task<Paged<WebhookRow>> PageAsync(PageRequest page, CancellationToken ct) =>
        db.WebhookEndpoints.AsNoTracking().OrderByDescending(e => e.CreatedAt).ThenBy(e => e.Id)
            .Select(e => new WebhookRow(e.Id, e.Url, e.EventTypes, e.Description, e.Enabled, e.VendorId,
                db.Vendors.Where(v => v.Id == e.VendorId).Select(v => v.Name).FirstOrDefault(), e.DisabledReason, e.CreatedAt))
            .ToPageAsync(page, ct);

    /// <summary>The endpoint's deliveries, newest first; another vendor's endpoint is not found.</summary>
    public async Task<Paged<WebhookDeliveryRow>> DeliveriesAsync(Guid endpointId, PageRequest page, CancellationToken ct)
    {
        if (!await db.WebhookEndpoints.AnyAsync(e => e.Id == endpointId, ct)) throw new NotFound(Thing.Webhook);
        return await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.CreatedAt).ThenByDescending(d => d.Id)
            .Select(d => new WebhookDeliveryRow(d.Id, d.MessageId, d.EventType, d.Attempts, d.LastStatusCode, d.LastResponse,
                d.LastAttemptAt, d.NextAttemptAt, d.DeliveredAt, d.CreatedAt))
            .ToPageAsync(page, ct);
    }
}
