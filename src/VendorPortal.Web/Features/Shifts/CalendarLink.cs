namespace VendorPortal.Web.Features.Shifts;

/// <summary>
/// A member's private calendar subscription address. Calendar apps cannot sign in, so the address carries a secret
/// that can only read that member's shift feed; only its hash is kept, and making a new one revokes the old.
/// </summary>
public sealed class CalendarLink : ITenantOwned, IAudited
{
    public const string Marker = "vpc";

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid UserId { get; init; }
    public required string Prefix { get; init; }
    public required string SecretHash { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? LastUsedAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }
}

public sealed class CalendarLinkConfiguration : IEntityTypeConfiguration<CalendarLink>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<CalendarLink> b)
    {
        b.Property(x => x.Prefix).HasMaxLength(12);
        b.Property(x => x.SecretHash).HasMaxLength(64);
        b.HasIndex(x => x.Prefix).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.UserId });
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Identity.User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
