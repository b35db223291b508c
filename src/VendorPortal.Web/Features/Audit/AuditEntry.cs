namespace VendorPortal.Web.Features.Audit;

public sealed class AuditEntry : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public DateTimeOffset At { get; init; }
    public Guid? ActorUserId { get; init; }
    public Guid? ActorApiKeyId { get; init; }
    public required string ActorName { get; init; }
    public required string Action { get; init; }
    public required string EntityType { get; init; }
    public required Guid EntityId { get; init; }
    public required string Changes { get; init; }
}

public sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(x => x.ActorName).HasMaxLength(200);
        b.Property(x => x.Action).HasMaxLength(20);
        b.Property(x => x.EntityType).HasMaxLength(100);
        b.Property(x => x.Changes).HasMaxLength(int.MaxValue);
        b.HasIndex(x => new { x.TenantId, x.EntityType, x.EntityId, x.At });
        b.HasIndex(x => new { x.TenantId, x.At });
    }
}
