namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// Contacts a vendor handled for one skill on one local date, for the whole day or for one interval of it.
/// Keyed by vendor, skill, date and interval: a second submission of the same key corrects the first (audited).
/// </summary>
public sealed class ContactVolume : IVendorOwned, IAudited
{
    /// <summary>The interval value of a row that covers the whole day.</summary>
    public const int WholeDay = -1;

    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid SkillId { get; set; }
    public DateOnly Date { get; set; }
    /// <summary>Minutes after local midnight at which the interval starts, or <see cref="WholeDay"/>.</summary>
    public int IntervalMinute { get; set; } = WholeDay;
    public int Handled { get; set; }
    public int? Offered { get; set; }
    public int? Answered { get; set; }
    public int? AverageHandleSeconds { get; set; }
    public int? Complaints { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class ContactVolumeConfiguration : IEntityTypeConfiguration<ContactVolume>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ContactVolume> b)
    {
        b.HasIndex(x => new { x.TenantId, x.VendorId, x.Date, x.SkillId, x.IntervalMinute }).IsUnique();
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Skills.Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
