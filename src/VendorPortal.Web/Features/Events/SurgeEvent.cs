namespace VendorPortal.Web.Features.Events;

public enum EventStatus
{
    Planning,
    Confirmed,
    Live,
    Closed,
}

/// <summary>
/// How an event's requirement is computed: Erlang C (nobody hangs up) or Erlang A (callers abandon after an average
/// patience, which Erlang C ignores and so over-staffs).
/// </summary>
public enum StaffingModel
{
    ErlangC,
    ErlangA,
}

/// <summary>A promotion window (a surge event) with the staffing assumptions its forecast is sized with.</summary>
public sealed class SurgeEvent : ITenantOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public required string Name { get; set; }
    /// <summary>First and last day, in the tenant's local calendar.</summary>
    public DateOnly StartDate { get; set; }
    public DateOnly EndDate { get; set; }
    public string? Description { get; set; }
    public EventStatus Status { get; set; } = EventStatus.Planning;
    public int IntervalMinutes { get; set; } = 30;
    public double ServiceLevel { get; set; } = 0.8;
    public double TargetSeconds { get; set; } = 20;
    public double Shrinkage { get; set; }
    public double MaxOccupancy { get; set; } = 1;
    public StaffingModel StaffingModel { get; set; } = StaffingModel.ErlangC;
    /// <summary>Customers' average patience (exponential), for Erlang A; null with Erlang C.</summary>
    public double? PatienceSeconds { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One forecast interval: expected contacts and handle time for a skill, from a local date and start time.</summary>
public sealed class ForecastInterval : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid EventId { get; init; }
    public Guid SkillId { get; init; }
    public DateOnly Date { get; init; }
    public TimeOnly Start { get; init; }
    public double Contacts { get; init; }
    public double AhtSeconds { get; init; }
}

/// <summary>
/// In-house agents scheduled for a skill in one interval of the event (local date and start, on the event's grid): the
/// core team that covers the requirement before any vendor is asked. Vendors are measured against what is left, the gap.
/// </summary>
public sealed class InHouseInterval : ITenantOwned
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid EventId { get; init; }
    public Guid SkillId { get; init; }
    public DateOnly Date { get; init; }
    public TimeOnly Start { get; init; }
    public int Agents { get; init; }
}

public sealed class SurgeEventConfiguration : IEntityTypeConfiguration<SurgeEvent>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<SurgeEvent> b)
    {
        b.ToTable("Events");
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.StaffingModel).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(x => new { x.TenantId, x.StartDate });
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

public sealed class ForecastIntervalConfiguration : IEntityTypeConfiguration<ForecastInterval>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<ForecastInterval> b)
    {
        b.HasIndex(x => new { x.EventId, x.SkillId, x.Date, x.Start }).IsUnique();
        b.HasOne<SurgeEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Skills.Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}

public sealed class InHouseIntervalConfiguration : IEntityTypeConfiguration<InHouseInterval>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<InHouseInterval> b)
    {
        b.HasIndex(x => new { x.EventId, x.SkillId, x.Date, x.Start }).IsUnique();
        b.HasOne<SurgeEvent>().WithMany().HasForeignKey(x => x.EventId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Skills.Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}
