namespace VendorPortal.Web.Features.Shifts;

public enum ShiftStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>A vendor's committed shift: a skill, a time and a headcount its agents are assigned to.</summary>
public sealed class Shift : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid EventId { get; init; }
    public Guid SkillId { get; init; }
    /// <summary>The capacity request it was committed against; none for a shift agreed directly.</summary>
    public Guid? RequestId { get; init; }
    public DateTimeOffset StartsAt { get; init; }
    public DateTimeOffset EndsAt { get; init; }
    public int Headcount { get; init; }
    /// <summary>Assigned and confirmed agents; a concurrency token, so two assignments racing for the last slot cannot both win.</summary>
    public int Taken { get; set; }
    public ShiftStatus Status { get; set; } = ShiftStatus.Scheduled;
    public string? CancelReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public double Hours => (EndsAt - StartsAt).TotalHours;
}

public enum AssignmentStatus
{
    Assigned,
    Confirmed,
    Declined,
    /// <summary>The shift was cancelled: the agent is free again.</summary>
    Released,
}

/// <summary>One agent on one shift, with the vendor's confirmation and, afterwards, attendance: the trail of who confirmed what, when.</summary>
public sealed class Assignment : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid ShiftId { get; init; }
    public Guid AgentId { get; init; }
    public AssignmentStatus Status { get; set; } = AssignmentStatus.Assigned;
    public DateTimeOffset AssignedAt { get; init; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }
    /// <summary>Confirmed or declined after the tenant's confirmation deadline.</summary>
    public bool Late { get; set; }
    public string? DeclineReason { get; set; }
    public bool? Attended { get; set; }
    public DateTimeOffset? AttendanceAt { get; set; }

    public Shift? Shift { get; init; }
    public Agents.Agent? Agent { get; init; }

    public bool Holds => Status is AssignmentStatus.Assigned or AssignmentStatus.Confirmed;
}

public sealed class ShiftConfiguration : IEntityTypeConfiguration<Shift>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Shift> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.CancelReason).HasMaxLength(400);
        b.Property(x => x.Taken).IsConcurrencyToken();
        b.Ignore(x => x.Hours);
        b.HasIndex(x => new { x.TenantId, x.StartsAt });
        b.HasIndex(x => new { x.TenantId, x.EventId });
        b.HasOne<Events.SurgeEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Skills.Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CapacityRequest>().WithMany().HasForeignKey(x => x.RequestId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Assignment> b)
    {
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.DeclineReason).HasMaxLength(400);
        b.Ignore(x => x.Holds);
        b.HasIndex(x => new { x.ShiftId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.AgentId });
        b.HasOne(x => x.Shift).WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Agent).WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}
