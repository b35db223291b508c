namespace VendorPortal.Web.Features.Tenants;

/// <summary>A contact center that buys surge capacity: the unit of isolation.</summary>
public sealed class Tenant : IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public required string Slug { get; init; }
    public required string Name { get; set; }
    public string TimeZone { get; set; } = "UTC";
    public string Currency { get; set; } = "USD";
    public decimal ReserveRatioTarget { get; set; } = 2.0m;
    public int TrainingLeadDays { get; set; } = 2;
    /// <summary>How long a passed training counts as "trained" after the session ends.</summary>
    public int TrainingValidityDays { get; set; } = 180;
    public int ConfirmationDeadlineHours { get; set; } = 48;
    /// <summary>
    /// A shift takes assignments up to its headcount plus this share (rounded up), to cover late declines and no-shows:
    /// at a 90 % show rate, ten confirmed of ten reach ten only about a third of the time, twelve about 89 %.
    /// </summary>
    public int AssignmentBufferPercent { get; set; } = 20;
    /// <summary>Hours before a shift at which readiness alerts go out, latest last (e.g. 72 then 48).</summary>
    public List<int> AlertLeadHours { get; set; } = [72, 48];
    /// <summary>Alert when confirmed agents fall below this share of the requirement.</summary>
    public int ConfirmedAlertPercent { get; set; } = 100;
    /// <summary>Alert when confirmed-and-trained agents fall below this share of the requirement.</summary>
    public int TrainedAlertPercent { get; set; } = 90;
    /// <summary>
    /// Minutes an open confirmations-overdue alert may sit unacknowledged before the tenant's admins are e-mailed; 0 never
    /// escalates. The default, two hours, is eight scans: long enough for the vendor and planner to react first.
    /// </summary>
    public int AlertEscalationMinutes { get; set; } = 120;
    public DateTimeOffset CreatedAt { get; init; }

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

public sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Tenant> b)
    {
        b.Property(x => x.Slug).HasMaxLength(40);
        b.HasIndex(x => x.Slug).IsUnique();
        b.Property(x => x.Name).HasMaxLength(200);
        b.Property(x => x.TimeZone).HasMaxLength(64);
        b.Property(x => x.Currency).HasMaxLength(3);
        b.Property(x => x.ReserveRatioTarget).HasPrecision(5, 2);
        // The database default gives tenants that existed before the setting the same two hours; the sentinel is a value
        // the validator never lets through, so EF always writes the tenant's own value, 0 (never escalate) included.
        b.Property(x => x.AlertEscalationMinutes).HasDefaultValue(120).HasSentinel(-1);
    }
}
