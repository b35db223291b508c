namespace VendorPortal.Web.Features.Agents;

/// <summary>
/// The peak headcount a planner expects from one vendor for one skill. With the tenant's reserve ratio it
/// sets the reserve target (peak 30 at ratio 2.0: keep 60 trained reserves).
/// </summary>
public sealed class PoolPlan : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid SkillId { get; init; }
    public int PeakHeadcount { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

public sealed class PoolPlanConfiguration : IEntityTypeConfiguration<PoolPlan>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<PoolPlan> b)
    {
        b.HasIndex(x => new { x.TenantId, x.VendorId, x.SkillId }).IsUnique();
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Skills.Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}
