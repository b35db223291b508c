namespace VendorPortal.Web.Features.Shifts;

public enum CapacityRequestStatus
{
    Sent,
    Responded,
    Cancelled,
}

public enum CapacityAnswer
{
    Full,
    Partial,
    Declined,
}

/// <summary>A planner asks one vendor for agents of one skill, shift by shift, for a surge event.</summary>
public sealed class CapacityRequest : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid EventId { get; init; }
    public Guid SkillId { get; init; }
    public string? Message { get; set; }
    public DateTimeOffset RespondBy { get; set; }
    public CapacityRequestStatus Status { get; set; } = CapacityRequestStatus.Sent;
    public CapacityAnswer? Answer { get; set; }
    public string? ResponseMessage { get; set; }
    public DateTimeOffset? RespondedAt { get; set; }
    public string? RespondedBy { get; set; }
    /// <summary>Answered after the respond-by time.</summary>
    public bool RespondedLate { get; set; }
    public string? CancelReason { get; set; }
    /// <summary>The request whose gap this one asks another vendor to fill.</summary>
    public Guid? BackfillForId { get; init; }
    public Guid? CreatedByUserId { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public List<RequestedShift> Shifts { get; init; } = [];
}

/// <summary>One shift of a request: what was asked for and what the vendor committed.</summary>
public sealed class RequestedShift : IVendorOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid RequestId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public int Headcount { get; init; }
    public int? Committed { get; set; }
    /// <summary>The vendor-owned shift the commitment became.</summary>
    public Guid? ShiftId { get; set; }
}

public sealed class CapacityRequestConfiguration : IEntityTypeConfiguration<CapacityRequest>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<CapacityRequest> b)
    {
        b.Property(x => x.Message).HasMaxLength(2000);
        b.Property(x => x.ResponseMessage).HasMaxLength(2000);
        b.Property(x => x.RespondedBy).HasMaxLength(200);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Property(x => x.CancelReason).HasMaxLength(400);
        // Two answers or an answer and a cancel racing: the second save finds the status changed and answers 409.
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20).IsConcurrencyToken();
        b.Property(x => x.Answer).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.TenantId, x.EventId });
        b.HasIndex(x => new { x.TenantId, x.VendorId, x.Status });
        b.HasMany(x => x.Shifts).WithOne().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Events.SurgeEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Skills.Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CapacityRequest>().WithMany().HasForeignKey(x => x.BackfillForId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class RequestedShiftConfiguration : IEntityTypeConfiguration<RequestedShift>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<RequestedShift> b) =>
        b.HasIndex(x => new { x.RequestId, x.StartsAt });
}
