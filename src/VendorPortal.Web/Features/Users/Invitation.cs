
namespace VendorPortal.Web.Features.Users;

/// <summary>An offer of a role in the tenant, sent by e-mail and accepted once.</summary>
public sealed class Invitation : ITenantOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Email { get; init; }
    public TenantRole Role { get; init; }
    public Guid? VendorId { get; init; }
    public string Language { get; init; } = "en";
    public Guid? InvitedByUserId { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset ExpiresAt { get; init; }
    public DateTimeOffset? EmailSentAt { get; set; }
    public DateTimeOffset? AcceptedAt { get; set; }
    public Guid? AcceptedByUserId { get; set; }

    public bool IsOpen(DateTimeOffset now) => AcceptedAt is null && ExpiresAt > now;
}

public sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Invitation> b)
    {
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Language).HasMaxLength(10);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.TenantId, x.Email });
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.NoAction);
    }
}
