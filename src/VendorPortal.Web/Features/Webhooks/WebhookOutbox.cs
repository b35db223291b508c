using System.Text.Json;
using Hangfire;

namespace VendorPortal.Web.Features.Webhooks;

/// <summary>
/// The one way an event reaches receivers: <see cref="RaiseAsync"/> adds a delivery row per matching enabled endpoint
/// to the caller's unit of work, so the event is saved with the change it reports or not at all. Once that save
/// succeeds, a send job per row is queued; the recurring sweep picks up any a lost job left.
/// </summary>
public sealed class WebhookOutbox(AppDbContext db, TimeProvider clock, IBackgroundJobClient jobs)
{
    private List<WebhookEndpoint>? endpoints;
    private readonly List<(Guid Tenant, Guid Delivery)> raised = [];

    /// <summary>Adds the event for every enabled endpoint of the tenant that takes it: the tenant's own endpoints get all
    /// events, a vendor's only those of its vendor (<paramref name="vendorId"/>; null for events about no one vendor).</summary>
    public async Task RaiseAsync(string type, Guid? vendorId, object data, CancellationToken ct)
    {
        // A vendor user's change (a confirmation) also reaches the tenant's own endpoints, which that user cannot see.
        var enabled = await EnabledEndpointsAsync(ct);
        var body = WebhookEvents.Body(type, clock.GetUtcNow(), data);
        foreach (var endpoint in enabled.Where(e => (e.VendorId == null || e.VendorId == vendorId) && e.Receives(type)))
            _ = Add(endpoint, type, body);
    }

    /// <summary>alert.raised, alert.resolved or alert.escalated for each of a scan's alerts, with the names a receiver shows,
    /// read once for the whole batch (and not at all when no endpoint is enabled).</summary>
    public async Task RaiseAlertsAsync(string type, IReadOnlyList<Alerts.Alert> alerts, CancellationToken ct)
    {
        if (alerts.Count == 0 || (await EnabledEndpointsAsync(ct)).Count == 0) return;
        var vendorIds = alerts.Select(a => a.VendorId).Distinct().ToList();
        var vendors = await db.Vendors.IgnoreQueryFilters([AppDbContext.VendorFilter]).Where(v => vendorIds.Contains(v.Id)).ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var shiftIds = alerts.Where(a => a.ShiftId != null).Select(a => a.ShiftId!.Value).Distinct().ToList();
        var starts = await db.Shifts.IgnoreQueryFilters([AppDbContext.VendorFilter]).Where(x => shiftIds.Contains(x.Id)).ToDictionaryAsync(x => x.Id, x => x.StartsAt, ct);
        var skills = await Skills.SkillCodes.ByIdAsync(db, ct);
        foreach (var alert in alerts)
            await RaiseAsync(type, alert.VendorId, new AlertData(alert.Id, JsonNamingPolicy.CamelCase.ConvertName(alert.Kind.ToString()), alert.VendorId,
                vendors[alert.VendorId], alert.ShiftId, alert.SkillId is { } skillId ? skills.GetValueOrDefault(skillId) : null,
                alert.ShiftId is { } shiftId && starts.TryGetValue(shiftId, out var start) ? start : null, alert.LeadHours, alert.Actual, alert.Needed,
                alert.Message, alert.CreatedAt == default ? clock.GetUtcNow() : alert.CreatedAt, alert.AcknowledgedAt), ct);
    }

    /// <summary>The tenant's enabled endpoints, every vendor's included, read once per unit of work.</summary>
    private async Task<List<WebhookEndpoint>> EnabledEndpointsAsync(CancellationToken ct) =>
        endpoints ??= await db.WebhookEndpoints.AsNoTracking().IgnoreQueryFilters([AppDbContext.VendorFilter]).Where(e => e.Enabled).ToListAsync(ct);

    /// <summary>A <c>webhook.test</c> event for one endpoint, whatever its event types.</summary>
    public WebhookDelivery RaiseTest(WebhookEndpoint endpoint) =>
        Add(endpoint, WebhookEvents.Test, WebhookEvents.Body(WebhookEvents.Test, clock.GetUtcNow(), new TestData(endpoint.Id, endpoint.TenantId)));

    /// <summary>Queues a send now for a row already saved (a replay).</summary>
    public void Send(Guid tenantId, Guid deliveryId) =>
        jobs.Enqueue<SendWebhook>(SendWebhook.Queue, j => j.RunAsync(tenantId, deliveryId, CancellationToken.None));

    private WebhookDelivery Add(WebhookEndpoint endpoint, string type, string body)
    {
        var delivery = new WebhookDelivery
        {
            TenantId = endpoint.TenantId, EndpointId = endpoint.Id, MessageId = WebhookDelivery.NewMessageId(),
            EventType = type, Payload = body, NextAttemptAt = clock.GetUtcNow(),
        };
        db.WebhookDeliveries.Add(delivery);
        // A failed save keeps the rows tracked for a retried save; a context going back to the pool drops its handlers.
        if (raised.Count == 0) db.SavedChanges += Saved;
        raised.Add((endpoint.TenantId, delivery.Id));
        return delivery;
    }

    private void Saved(object? sender, SavedChangesEventArgs e)
    {
        db.SavedChanges -= Saved;
        foreach (var (tenant, delivery) in raised) Send(tenant, delivery);
        raised.Clear();
    }
}
