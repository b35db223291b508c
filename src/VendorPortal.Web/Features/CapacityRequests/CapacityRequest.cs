using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests;

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

    /// <summary>Still waiting for the vendor's answer after the respond-by time.</summary>
    public bool IsOverdue(DateTimeOffset now) => Status == CapacityRequestStatus.Sent && now > RespondBy;

    /// <summary>A request is answered once; a cancelled one cannot be answered (both 409).</summary>
    public void EnsureAnswerable()
    {
        if (Status == CapacityRequestStatus.Cancelled) throw RuleViolation.Conflict("status", CapacityRules.Cancelled);
        if (Status == CapacityRequestStatus.Responded) throw RuleViolation.Conflict("status", CapacityRules.Answered);
    }

    /// <summary>
    /// Records the vendor's answer (agents committed per requested shift; a shift left out commits 0) and returns the shifts
    /// the commitments become. An answer after the respond-by time is kept and marked late.
    /// </summary>
    public List<Shift> Respond(IReadOnlyDictionary<Guid, int> committed, string? message, string actor, DateTimeOffset now)
    {
        EnsureAnswerable();
        foreach (var shift in Shifts) shift.Committed = committed.GetValueOrDefault(shift.Id);
        var total = Shifts.Sum(s => s.Committed ?? 0);
        Answer = total == 0 ? CapacityAnswer.Declined : total == Shifts.Sum(s => s.Headcount) ? CapacityAnswer.Full : CapacityAnswer.Partial;
        Status = CapacityRequestStatus.Responded;
        ResponseMessage = message;
        RespondedAt = now;
        RespondedBy = actor;
        RespondedLate = now > RespondBy;
        var made = new List<Shift>();
        foreach (var planned in Shifts.Where(x => x.Committed > 0))
        {
            var shift = new Shift
            {
                TenantId = TenantId, VendorId = VendorId, EventId = EventId, SkillId = SkillId, RequestId = Id,
                StartsAt = planned.StartsAt, EndsAt = planned.EndsAt, Headcount = planned.Committed!.Value,
            };
            planned.ShiftId = shift.Id;
            made.Add(shift);
        }
        return made;
    }

    /// <summary>Withdraws the request; false when it already was.</summary>
    public bool Cancel(string reason)
    {
        if (Status == CapacityRequestStatus.Cancelled) return false;
        Status = CapacityRequestStatus.Cancelled;
        CancelReason = reason.Trim();
        return true;
    }
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

    public bool HasStarted(DateTimeOffset now) => StartsAt <= now;
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
