namespace VendorPortal.Web.Features.Training;

public enum TrainingSessionStatus
{
    Scheduled,
    Cancelled,
}

/// <summary>A pre-promotion refresher: reserves learn the campaign's rules and products a few days ahead.</summary>
public sealed class TrainingSession : ITenantOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Title { get; set; }
    /// <summary>The surge event it prepares for, when there is one.</summary>
    public Guid? EventId { get; set; }
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Capacity { get; set; }
    /// <summary>Seats taken; a concurrency token, so two enrolments racing for the last seat cannot both win.</summary>
    public int SeatsTaken { get; set; }
    public string? Location { get; set; }
    public string? Trainer { get; set; }
    public string? Notes { get; set; }
    public TrainingSessionStatus Status { get; set; } = TrainingSessionStatus.Scheduled;
    public string? CancelReason { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The skills the session prepares for, by skill id.</summary>
    public List<Guid> SkillIds { get; set; } = [];

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartsAt < end && start < EndsAt;
}

public enum TrainingOutcome
{
    Attended,
    Passed,
    Failed,
    NoShow,
}

/// <summary>One agent's seat in a session, and later its result.</summary>
public sealed class TrainingEnrollment : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public Guid SessionId { get; init; }
    public Guid AgentId { get; init; }
    public DateTimeOffset EnrolledAt { get; init; }
    public TrainingOutcome? Outcome { get; set; }
    public decimal? Score { get; set; }
    public DateTimeOffset? ResultAt { get; set; }

    public TrainingSession? Session { get; init; }
    public Agents.Agent? Agent { get; init; }
}

public sealed class TrainingSessionConfiguration : IEntityTypeConfiguration<TrainingSession>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TrainingSession> b)
    {
        b.Property(x => x.Title).HasMaxLength(200);
        b.Property(x => x.Location).HasMaxLength(400);
        b.Property(x => x.Trainer).HasMaxLength(200);
        b.Property(x => x.Notes).HasMaxLength(2000);
        b.Property(x => x.CancelReason).HasMaxLength(400);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.SeatsTaken).IsConcurrencyToken();
        b.HasIndex(x => new { x.TenantId, x.StartsAt });
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class TrainingEnrollmentConfiguration : IEntityTypeConfiguration<TrainingEnrollment>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<TrainingEnrollment> b)
    {
        b.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.Score).HasPrecision(5, 2);
        b.HasIndex(x => new { x.SessionId, x.AgentId }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.AgentId });
        b.HasOne(x => x.Session).WithMany().HasForeignKey(x => x.SessionId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Agent).WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}
