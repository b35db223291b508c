using VendorPortal.Web.Features.Tenants;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Web.Features.Identity;

/// <summary>A person's role in one tenant; vendor managers are bound to one vendor.</summary>
public sealed class Membership : ITenantOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid UserId { get; init; }
    public TenantRole Role { get; set; }
    public Guid? VendorId { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    /// <summary>Set while an admin has disabled the person in this tenant: the membership grants nothing.</summary>
    public DateTimeOffset? DisabledAt { get; set; }

    public Tenant? Tenant { get; init; }
    public User? User { get; init; }
    public Vendor? Vendor { get; init; }
}

public sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Membership> b)
    {
        b.HasIndex(x => new { x.TenantId, x.UserId }).IsUnique();
        b.HasIndex(x => x.UserId);
        b.Property(x => x.Role).HasConversion<string>().HasMaxLength(20);
        b.HasOne(x => x.Tenant).WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.User).WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Vendor).WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.NoAction);
    }
}
