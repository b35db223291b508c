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
    /// <summary>The plain-text part, written in the recipient's language.</summary>
    public required string Body { get; init; }
    /// <summary>The HTML part, the same message laid out (<see cref="MailLayout"/>).</summary>
    public required string HtmlBody { get; init; }
    /// <summary>The signed one-click address that stops this category of e-mail for the recipient (the List-Unsubscribe header).</summary>
    public required string UnsubscribeUrl { get; init; }
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
        b.Property(x => x.HtmlBody).HasMaxLength(32000);
        b.Property(x => x.UnsubscribeUrl).HasMaxLength(1000);
        b.Property(x => x.Kind).HasMaxLength(60);
        b.HasIndex(x => new { x.TenantId, x.SentAt });
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
