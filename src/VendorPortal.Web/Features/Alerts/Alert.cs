using System.Linq.Expressions;

namespace VendorPortal.Web.Features.Alerts;

public enum AlertKind
{
    /// <summary>A shift within a lead time has fewer confirmed agents than the tenant's confirmed share of its headcount.</summary>
    ConfirmationsShort,
    /// <summary>A shift within a lead time has fewer confirmed-and-trained agents than the tenant's trained share.</summary>
    TrainingShort,
    /// <summary>The confirm-by time of a shift has passed with fewer confirmed than required.</summary>
    ConfirmationsOverdue,
    /// <summary>A vendor's trained reserve for a skill is below the target ratio.</summary>
    PoolShallow,
}

/// <summary>
/// A readiness alert raised for one vendor: the vendor's managers and the tenant's planners hear of it by e-mail. Its
/// <see cref="Key"/> is unique per tenant, so a job run twice never raises (or mails) the same alert twice.
/// </summary>
public sealed class Alert : IVendorOwned, IAudited
{
    public Guid Id { get; init; } = Guid.CreateVersion7();
    public Guid TenantId { get; set; }
    public Guid VendorId { get; set; }
    public AlertKind Kind { get; init; }
    /// <summary>What makes the alert one of a kind, e.g. "ConfirmationsShort:{shiftId}:72" or "PoolShallow:{vendorId}:{skillId}:2026-12-08".</summary>
    public required string Key { get; init; }
    public Guid? ShiftId { get; init; }
    public Guid? SkillId { get; init; }
    /// <summary>The lead time (hours before the shift) that raised it; none for overdue confirmations and pool alerts.</summary>
    public int? LeadHours { get; init; }
    /// <summary>The figure that falls short (confirmed, confirmed and trained, or trained reserve agents) and what it should reach.</summary>
    public int Actual { get; set; }
    public int Needed { get; set; }
    /// <summary>An English summary with the figures; the portal and e-mails word it in the reader's language from the figures.</summary>
    public required string Message { get; set; }
    /// <summary>When it was raised; a resolved alert whose condition comes back is raised again (reopened) and this moves to then.</summary>
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? AcknowledgedAt { get; set; }
    public string? AcknowledgedBy { get; set; }
    /// <summary>When a scan found its condition no longer holds (figures met, shift cancelled, ended or moved out of the lead time).</summary>
    public DateTimeOffset? ResolvedAt { get; set; }
    /// <summary>When its tenant's admins were told it sat unacknowledged for the escalation time; an alert escalates once per raising.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    /// <summary>Waiting for someone: neither acknowledged nor resolved.</summary>
    public static readonly Expression<Func<Alert, bool>> IsOpen = a => a.AcknowledgedAt == null && a.ResolvedAt == null;
}

public sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<Alert> b)
    {
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(30);
        b.Property(x => x.Key).HasMaxLength(160);
        b.Property(x => x.Message).HasMaxLength(1000);
        b.Property(x => x.AcknowledgedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
        b.HasIndex(x => new { x.TenantId, x.ResolvedAt, x.AcknowledgedAt, x.CreatedAt });
        b.HasOne<Tenants.Tenant>().WithMany().HasForeignKey(x => x.TenantId).OnDelete(DeleteBehavior.Cascade);
        // Restrict: SQL Server allows one cascade path from a tenant to a row; a vendor's deletion removes its alerts first.
        b.HasOne<Vendors.Vendor>().WithMany().HasForeignKey(x => x.VendorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Shifts.Shift>().WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Skills.Skill>().WithMany().HasForeignKey(x => x.SkillId).OnDelete(DeleteBehavior.Restrict);
    }
}
