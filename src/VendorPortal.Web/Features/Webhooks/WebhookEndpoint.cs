using System.Security.Cryptography;

namespace VendorPortal.Web.Features.Webhooks;

/// <summary>
/// A receiver of the tenant's events: the tenant's own (no vendor: every event of the tenant) or a vendor's (only
/// that vendor's events). Its secret signs every delivery and is shown to the people who manage it.
/// </summary>
public sealed class WebhookEndpoint : IVendorOptional, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid? VendorId { get; set; }
    public required string Url { get; set; }
    /// <summary>The event types it receives; empty means all.</summary>
    public List<string> EventTypes { get; set; } = [];
    public string? Description { get; set; }
    public bool Enabled { get; private set; } = true;
    public string Secret { get; private set; } = NewSecret();
    public string? DisabledReason { get; private set; }
    public DateTimeOffset? DisabledAt { get; private set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>A Standard Webhooks secret: <c>whsec_</c> and 32 random bytes in base64.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    public void RotateSecret() => Secret = NewSecret();

    public bool Receives(string type) => EventTypes.Count == 0 || EventTypes.Contains(type) || type == WebhookEvents.Test;

    public void Enable()
    {
        Enabled = true;
        DisabledReason = null;
        DisabledAt = null;
    }

    public void Disable(string reason, DateTimeOffset at)
    {
        if (!Enabled) return;
        Enabled = false;
        DisabledReason = reason;
        DisabledAt = at;
    }
}

/// <summary>
/// One event for one endpoint: the message is signed and sent until the receiver answers 2xx or the retry schedule
/// runs out. Its message id never changes, so a receiver can tell a retry or a replay from a new event.
/// </summary>
public sealed class WebhookDelivery : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid EndpointId { get; init; }
    public required string MessageId { get; init; }
    public required string EventType { get; init; }
    /// <summary>The body as sent: <c>{type, timestamp, data}</c>.</summary>
    public required string Payload { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public int Attempts { get; set; }
    /// <summary>When it is due next; null once delivered or given up.</summary>
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? LastAttemptAt { get; set; }
    public int? LastStatusCode { get; set; }
    /// <summary>The start of the receiver's last answer (at most 1 KiB), or why no answer came.</summary>
    public string? LastResponse { get; set; }
    public DateTimeOffset? DeliveredAt { get; set; }
    /// <summary>A sender holds the row until then, so two nodes or a job run twice never send one message twice.</summary>
    public DateTimeOffset? ClaimedUntil { get; set; }

    public static string NewMessageId() => "msg_" + Guid.CreateVersion7().ToString("N");
}

public sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<WebhookEndpoint> b)
    {
        b.Property(x => x.Url).HasMaxLength(WebhookInput.MaxUrl);
        b.Property(x => x.Description).HasMaxLength(400);
        b.Property(x => x.Secret).HasMaxLength(80);
        b.Property(x => x.DisabledReason).HasMaxLength(400);
        b.PrimitiveCollection(x => x.EventTypes).HasMaxLength(2000);
        b.HasIndex(x => new { x.TenantId, x.VendorId });
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.NoAction);
    }
}

public sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(x => x.MessageId).HasMaxLength(40);
        b.Property(x => x.EventType).HasMaxLength(60);
        b.Property(x => x.Payload).HasMaxLength(16000);
        b.Property(x => x.LastResponse).HasMaxLength(1100);
        b.HasIndex(x => x.MessageId).IsUnique();
        b.HasIndex(x => new { x.EndpointId, x.CreatedAt });
        b.HasIndex(x => new { x.TenantId, x.NextAttemptAt });
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.NoAction);
    }
}
