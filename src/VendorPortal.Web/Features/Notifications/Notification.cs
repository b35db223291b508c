namespace VendorPortal.Web.Features.Notifications;

/// <summary>
/// An e-mail waiting to go out (an outbox row). It is written in the same transaction as the change it
/// reports, and a job sends it later, so a crash or a lost job delays a message but never loses it.
/// </summary>
public sealed class Notification : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string ToEmail { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    /// <summary>What it is about, e.g. "training:rescheduled"; with the subject id it keeps a change from being reported twice.</summary>
    public required string Kind { get; init; }
    public Guid SubjectId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? SentAt { get; set; }
}

public sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Notification> b)
    {
        b.Property(x => x.ToEmail).HasMaxLength(254);
        b.Property(x => x.Subject).HasMaxLength(400);
        b.Property(x => x.Body).HasMaxLength(8000);
        b.Property(x => x.Kind).HasMaxLength(60);
        b.HasIndex(x => new { x.TenantId, x.SentAt });
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
