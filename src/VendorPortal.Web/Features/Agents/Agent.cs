namespace VendorPortal.Web.Features.Agents;

public enum AgentStatus
{
    Active,
    Inactive,
    Left,
}

/// <summary>A vendor's reserve agent, trained ahead to work this tenant's peaks. Personal data is kept minimal.</summary>
public sealed class Agent : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    /// <summary>The vendor's own employee code; unique within the vendor.</summary>
    public required string ExternalRef { get; init; }
    public required string DisplayName { get; set; }
    public List<string> Languages { get; set; } = [];
    public AgentStatus Status { get; set; } = AgentStatus.Active;
    public int? MaxWeeklyHours { get; set; }
    public string? Notes { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The skills the agent can work, by skill id.</summary>
    public List<Guid> SkillIds { get; set; } = [];
}

public sealed class AgentConfiguration : IEntityTypeConfiguration<Agent>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Agent> b)
    {
        b.Property(x => x.ExternalRef).HasMaxLength(64);
        b.Property(x => x.DisplayName).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.TenantId, x.VendorId, x.ExternalRef }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.VendorId, x.Status });
        // The lists' order (name, then id): a page is read in index order, without sorting every agent of the tenant.
        // Vendor users' queries use it too, filtering their vendor as they walk it.
        b.HasIndex(x => new { x.TenantId, x.DisplayName, x.Id });
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
    }
}
