using System.Linq.Expressions;
using VendorPortal.Web.Features.CapacityRequests;
using VendorPortal.Web.Features.Events;

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
    public DateTimeOffset StartsAt { get; set; }
    public DateTimeOffset EndsAt { get; set; }
    public int Headcount { get; init; }
    /// <summary>Assigned and confirmed agents; a concurrency token, so two assignments racing for the last slot cannot both win.</summary>
    public int Taken { get; set; }
    public ShiftStatus Status { get; set; } = ShiftStatus.Scheduled;
    public string? CancelReason { get; set; }
    /// <summary>Raised whenever the time or status changes, so calendar apps replace their copy (iCalendar SEQUENCE).</summary>
    public int Sequence { get; set; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }

    public const int MaxHours = 12;

    public double Hours => (EndsAt - StartsAt).TotalHours;

    /// <summary>Agents are at work (or were): nobody can be assigned, confirm or decline any more, and attendance can be recorded.</summary>
    public bool HasStarted(DateTimeOffset now) => StartsAt <= now;

    public static Expression<Func<Shift, bool>> NotStartedBy(DateTimeOffset now) => s => s.StartsAt > now;

    /// <summary>Headcount plus the tenant's buffer, rounded up.</summary>
    public static int Limit(int headcount, int bufferPercent) => headcount + (headcount * bufferPercent + 99) / 100;

    /// <summary>Agents may still be assigned, and the shift moved: scheduled and not started (both answer 409 otherwise).</summary>
    public void EnsureOpenForAssignment(DateTimeOffset now)
    {
        if (Status == ShiftStatus.Cancelled) throw RuleViolation.Conflict("shiftId", ShiftRules.Cancelled);
        if (HasStarted(now)) throw RuleViolation.Conflict("shiftId", ShiftRules.Started);
    }

    /// <summary>Cancels the shift and frees the places its agents held; their assignments are released by the caller.</summary>
    public void Cancel(string reason)
    {
        Status = ShiftStatus.Cancelled;
        CancelReason = reason;
        Taken = 0;
        Sequence++;
    }

    /// <summary>Moves the shift to new times; false when they are the times it has.</summary>
    public bool Move(DateTimeOffset start, DateTimeOffset end)
    {
        if (start == StartsAt && end == EndsAt) return false;
        StartsAt = start;
        EndsAt = end;
        Sequence++;
        return true;
    }

    /// <summary>
    /// A shift's local times as instants, checked as <see cref="Check"/> does, and times the clocks skip refused.
    /// Fields are named under <paramref name="where"/>.
    /// </summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Schedule(
        DateTime startLocal, DateTime endLocal, SurgeEvent e, TimeZoneInfo zone, DateTimeOffset now, string where)
    {
        var prefix = where.Length == 0 ? "" : where + ".";
        var start = TenantTime.ToInstant(startLocal, zone, prefix + "startsAtLocal");
        var end = TenantTime.ToInstant(endLocal, zone, prefix + "endsAtLocal");
        Check(start, end, e, zone, now, prefix + "startsAtLocal", prefix + "endsAtLocal");
        return (start, end);
    }

    /// <summary>
    /// A shift's times: a start on a day of the event in the tenant's time (a shift may start the evening before), in the
    /// future, and an end after it, at most <see cref="MaxHours"/> real hours later. The broken rule names its field.
    /// </summary>
    public static void Check(DateTimeOffset start, DateTimeOffset end, SurgeEvent e, TimeZoneInfo zone, DateTimeOffset now, string startField, string endField)
    {
        var day = DateOnly.FromDateTime(TenantTime.ToLocal(start, zone).DateTime);
        if (day < e.StartDate.AddDays(-1) || day > e.EndDate)
            throw new RuleViolation(startField, ShiftRules.OutsideEvent(day, e.StartDate, e.EndDate));
        if (start <= now) throw new RuleViolation(startField, ShiftRules.InPast);
        if (end <= start) throw new RuleViolation(endField, ShiftRules.EndsBeforeStart);
        // Local times are checked as wall times first; the night the clocks go back has an hour more than its wall times say.
        if (end - start > TimeSpan.FromHours(MaxHours))
            throw new RuleViolation(endField, ShiftRules.TooLong(MaxHours, (end - start).TotalHours));
    }
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

    public bool HoldsAPlace => Status.HoldsAPlace();

    /// <summary>Assigned or confirmed: the agent counts towards the shift and is booked for its time.</summary>
    public static readonly Expression<Func<Assignment, bool>> HoldingAPlace =
        a => a.Status == AssignmentStatus.Assigned || a.Status == AssignmentStatus.Confirmed;

    /// <summary>Why the vendor may not confirm or decline this assignment now, or null. Decisions stop when the shift starts.</summary>
    public (string Field, RuleError Error)? DecisionRefused(Decision decision, string? reason, DateTimeOffset now) =>
        Shift!.Status == ShiftStatus.Cancelled ? ("assignmentId", ShiftRules.Cancelled)
        : Status == AssignmentStatus.Released ? ("assignmentId", ShiftRules.Released)
        : Shift.HasStarted(now) ? ("assignmentId", ShiftRules.DecideAfterStart)
        : decision == Decision.Decline && string.IsNullOrWhiteSpace(reason) ? ("reason", ShiftRules.DeclineReason)
        : decision == Decision.Confirm && Status == AssignmentStatus.Declined ? ("decision", ShiftRules.Declined)
        : null;

    /// <summary>
    /// Records the vendor's decision; false when it repeats the current one. A decline frees the place. A decision after the
    /// confirmation deadline (that many hours before the start) is kept and marked late.
    /// </summary>
    public bool Decide(Decision decision, string? reason, string actor, DateTimeOffset now, TimeSpan deadline)
    {
        var target = decision == Decision.Confirm ? AssignmentStatus.Confirmed : AssignmentStatus.Declined;
        if (Status == target) return false;
        if (target == AssignmentStatus.Declined)
        {
            Shift!.Taken--;
            DeclineReason = reason!.Trim();
        }
        Status = target;
        DecidedAt = now;
        DecidedBy = actor;
        Late = now > Shift!.StartsAt - deadline;
        return true;
    }

    /// <summary>The shift moved: a confirmation given for the old time is asked for again. The audit trail keeps who had confirmed and when.</summary>
    public void AskAgain()
    {
        if (Status != AssignmentStatus.Confirmed) return;
        Status = AssignmentStatus.Assigned;
        DecidedAt = null;
        DecidedBy = null;
        Late = false;
    }

    /// <summary>Why attendance cannot be recorded for this assignment, or null: confirmed agents of started shifts only.</summary>
    public RuleError? AttendanceRefused(DateTimeOffset now) =>
        Status != AssignmentStatus.Confirmed ? ShiftRules.NotConfirmed(Status)
        : !Shift!.HasStarted(now) ? ShiftRules.NotStarted
        : null;
}

public static class AssignmentStatuses
{
    public static bool HoldsAPlace(this AssignmentStatus status) => status is AssignmentStatus.Assigned or AssignmentStatus.Confirmed;
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
        b.Ignore(x => x.HoldsAPlace);
        b.HasIndex(x => new { x.ShiftId, x.Status });
        b.HasIndex(x => new { x.TenantId, x.AgentId });
        b.HasOne(x => x.Shift).WithMany().HasForeignKey(x => x.ShiftId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(x => x.Agent).WithMany().HasForeignKey(x => x.AgentId).OnDelete(DeleteBehavior.Restrict);
    }
}
