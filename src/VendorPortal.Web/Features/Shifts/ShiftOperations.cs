using System.Text.Json.Serialization;
using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Events;
using VendorPortal.Web.Features.Notifications;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Shifts;

/// <summary>A shift's times as a planner types them, in the tenant's local time.</summary>
public interface IShiftTimes
{
    DateTime StartsAtLocal { get; }
    DateTime EndsAtLocal { get; }
}

/// <summary>The shape of a shift's times wherever they are typed: an end after the start, at most <see cref="Shift.MaxHours"/> hours.</summary>
public sealed class ShiftTimesValidator : AbstractValidator<IShiftTimes>
{
    public ShiftTimesValidator()
    {
        RuleFor(x => x.StartsAtLocal).NotEmpty();
        RuleFor(x => x.EndsAtLocal).NotEmpty().GreaterThan(x => x.StartsAtLocal).WithMessage("A shift must end after it starts.");
        RuleFor(x => x).Must(x => x.EndsAtLocal - x.StartsAtLocal <= TimeSpan.FromHours(Shift.MaxHours))
            .WithName("endsAtLocal").WithMessage("A shift lasts at most 12 hours.");
    }
}

public sealed class ShiftInput : IShiftTimes
{
    public Guid EventId { get; set; }
    public Guid VendorId { get; set; }
    /// <summary>Skill code, e.g. PRESALES.</summary>
    public string Skill { get; set; } = "";
    /// <summary>Start in the tenant's local time, e.g. 2026-12-12T08:00.</summary>
    public DateTime StartsAtLocal { get; set; }
    public DateTime EndsAtLocal { get; set; }
    public int Headcount { get; set; }
}

public sealed class ShiftInputValidator : Validator<ShiftInput>
{
    public ShiftInputValidator()
    {
        RuleFor(x => x.EventId).NotEmpty();
        RuleFor(x => x.VendorId).NotEmpty();
        RuleFor(x => x.Skill).NotEmpty().MaximumLength(40);
        Include(new ShiftTimesValidator());
        RuleFor(x => x.Headcount).InclusiveBetween(1, 1000);
    }
}

/// <summary>New times for a shift that has not started: instants with their offset, as the shift reads them back.</summary>
public sealed class MoveInput
{
    /// <summary>New start, e.g. 2026-12-12T10:00:00+08:00.</summary>
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
}

public sealed class MoveInputValidator : Validator<MoveInput>
{
    public MoveInputValidator()
    {
        RuleFor(x => x.StartsAt).NotNull();
        RuleFor(x => x.EndsAt).NotNull();
    }
}

public sealed class CancelInput
{
    public string Reason { get; set; } = "";
}

public sealed class CancelInputValidator : Validator<CancelInput>
{
    public CancelInputValidator() => RuleFor(x => x.Reason).NotEmpty().MaximumLength(400);
}

[JsonConverter(typeof(JsonStringEnumConverter<Decision>))]
public enum Decision
{
    Confirm,
    Decline,
}

public sealed class ConfirmationInput
{
    public Guid AssignmentId { get; set; }
    public Decision Decision { get; set; }
    /// <summary>Required when declining: the planner reads it.</summary>
    public string? Reason { get; set; }
}

public sealed class AttendanceInput
{
    public Guid AssignmentId { get; set; }
    public bool Attended { get; set; }
}

public sealed record ConfirmationResult(int Confirmed, int Declined, int Unchanged, int Late);

public sealed record AttendanceResult(int Attended, int NoShows);

/// <summary>
/// Shifts and the agents on them: assignment under the shift's limit and the agent's own limits, the vendor's
/// confirmations (bulk, all-or-nothing), attendance, and cancellation. Shared by the API and the portal.
/// </summary>
public sealed class ShiftOperations(AppDbContext db, AccessScopeAccessor scope, Notifier notifier, Webhooks.WebhookOutbox webhooks, TimeProvider clock)
{
    public const int MaxBatch = 10_000;

    /// <summary>A shift agreed with a vendor directly, outside a capacity request.</summary>
    public async Task<Shift> CreateAsync(ShiftInput input, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().SingleOrDefaultAsync(x => x.Id == input.EventId, ct)
            ?? throw new RuleViolation("eventId", EventRules.NoSuchEvent);
        if (e.Status == EventStatus.Closed) throw RuleViolation.Conflict("eventId", EventRules.Closed);
        var vendor = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == input.VendorId, ct)
            ?? throw new RuleViolation("vendorId", Vendors.VendorRules.NoSuchVendor);
        if (vendor.Status != Vendors.VendorStatus.Active) throw new RuleViolation("vendorId", Vendors.VendorRules.Inactive(vendor.Name));
        var skillId = (await Skills.SkillCodes.ResolveAsync(db, [input.Skill], "skill", ct)).Single();
        var now = clock.GetUtcNow();
        var (start, end) = Shift.Schedule(input.StartsAtLocal, input.EndsAtLocal, e, await db.TenantZoneAsync(ct), now, "");
        var shift = new Shift
        {
            VendorId = vendor.Id, EventId = e.Id, SkillId = skillId, StartsAt = start, EndsAt = end, Headcount = input.Headcount,
        };
        db.Shifts.Add(shift);
        await db.SaveChangesAsync(ct);
        return shift;
    }

    /// <summary>
    /// Assigns the vendor's agents all-or-nothing: active agents with the shift's skill, never in an overlapping shift or
    /// training, never above their weekly hours, and never past the shift's headcount plus the tenant's buffer
    /// (the taken count is a concurrency token: of two requests racing for the last slot, the second answers 409).
    /// </summary>
    public async Task<List<Assignment>> AssignAsync(Guid shiftId, IReadOnlyList<Guid> agentIds, CancellationToken ct)
    {
        var shift = await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId, ct) ?? throw new NotFound(Thing.Shift);
        var now = clock.GetUtcNow();
        shift.EnsureOpenForAssignment(now);
        var ids = agentIds.Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var zone = await db.TenantZoneAsync(ct);

        var windowStart = shift.StartsAt.AddDays(-8);
        var windowEnd = shift.EndsAt.AddDays(8);
        var nearby = await db.Assignments.AsNoTracking()
            .Where(Assignment.HoldingAPlace)
            .Where(a => ids.Contains(a.AgentId) && a.Shift!.Status == ShiftStatus.Scheduled && a.Shift.StartsAt < windowEnd && a.Shift.EndsAt > windowStart)
            .Select(a => new { a.AgentId, a.ShiftId, a.Shift!.StartsAt, a.Shift.EndsAt })
            .ToListAsync(ct);
        var training = await db.TrainingEnrollments.AsNoTracking()
            .Where(e => ids.Contains(e.AgentId) && e.Session!.Status == TrainingSessionStatus.Scheduled
                && e.Session.StartsAt < shift.EndsAt && shift.StartsAt < e.Session.EndsAt)
            .Select(e => new { e.AgentId, e.Session!.Title })
            .ToListAsync(ct);
        var week = WeekOf(shift.StartsAt, zone);

        var errors = new List<(string, RuleError)>();
        for (var i = 0; i < ids.Count; i++)
        {
            var where = $"agentIds[{i}]";
            if (!agents.TryGetValue(ids[i], out var agent) || agent.VendorId != shift.VendorId)
            {
                errors.Add((where, ShiftRules.NoSuchAgent(ids[i])));
                continue;
            }
            var who = $"{agent.DisplayName} ({agent.ExternalRef})";
            var mine = nearby.Where(n => n.AgentId == agent.Id).ToList();
            if (agent.Status != AgentStatus.Active)
                errors.Add((where, ShiftRules.AgentNotActive(who, agent.Status)));
            else if (!agent.SkillIds.Contains(shift.SkillId))
                errors.Add((where, ShiftRules.NoSkill(who)));
            else if (mine.Any(n => n.ShiftId == shift.Id))
                errors.Add((where, ShiftRules.AlreadyOnShift(who)));
            else if (mine.FirstOrDefault(n => n.StartsAt < shift.EndsAt && shift.StartsAt < n.EndsAt) is { } clash)
                errors.Add((where, ShiftRules.Overlap(who, TenantTime.ToLocal(clash.StartsAt, zone), TenantTime.ToLocal(clash.EndsAt, zone))));
            else if (training.FirstOrDefault(t => t.AgentId == agent.Id) is { } course)
                errors.Add((where, ShiftRules.InTraining(who, course.Title)));
            else if (agent.MaxWeeklyHours is { } max)
            {
                var hours = mine.Where(n => WeekOf(n.StartsAt, zone) == week).Sum(n => (n.EndsAt - n.StartsAt).TotalHours) + shift.Hours;
                if (hours > max + 1e-9)
                    errors.Add((where, ShiftRules.OverWeeklyHours(who, hours, week, max)));
            }
        }
        if (errors.Count > 0) throw RuleViolation.ForRows(errors);

        var limit = await LimitAsync(shift, ct);
        if (shift.Taken + ids.Count > limit)
            throw RuleViolation.Conflict("agentIds", ShiftRules.PlacesLeft(limit, shift.Headcount, Math.Max(0, limit - shift.Taken)));
        var rows = ids.Select(id => new Assignment { VendorId = shift.VendorId, ShiftId = shift.Id, AgentId = id, AssignedAt = now }).ToList();
        db.Assignments.AddRange(rows);
        shift.Taken += rows.Count;
        await SaveRacingAsync("agentIds", ct);
        return rows;
    }

    /// <summary>
    /// The vendor confirms or declines assignments, all-or-nothing: any wrong row changes nothing and every wrong row is named.
    /// A decision after the tenant's confirmation deadline (hours before the shift) is kept and marked late; repeating a
    /// decision changes nothing. A decline frees the place and needs a reason.
    /// </summary>
    public async Task<ConfirmationResult> DecideAsync(IReadOnlyList<ConfirmationInput> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.AssignmentId).Distinct().ToList();
        var assignments = await db.Assignments.Include(a => a.Shift).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var deadline = TimeSpan.FromHours(await db.Tenants.Where(t => t.Id == scope.Required.TenantId).Select(t => t.ConfirmationDeadlineHours).SingleAsync(ct));
        var now = clock.GetUtcNow();
        var errors = new List<(string, RuleError)>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < rows.Count; i++)
        {
            var r = rows[i];
            var where = $"[{i}]";
            if (!seen.Add(r.AssignmentId)) errors.Add(($"{where}.assignmentId", ShiftRules.AssignmentTwice));
            else if (!assignments.TryGetValue(r.AssignmentId, out var a)) errors.Add(($"{where}.assignmentId", ShiftRules.NoSuchAssignment));
            else if (a.DecisionRefused(r.Decision, r.Reason, now) is { } refused) errors.Add(($"{where}.{refused.Field}", refused.Error));
        }
        if (errors.Count > 0) throw RuleViolation.ForRows(errors);

        var actor = scope.Required.ActorName;
        int confirmed = 0, declined = 0, unchanged = 0, late = 0;
        foreach (var r in rows)
        {
            var a = assignments[r.AssignmentId];
            if (!a.Decide(r.Decision, r.Reason, actor, now, deadline))
            {
                unchanged++;
                continue;
            }
            if (a.Status == AssignmentStatus.Declined) declined++;
            else confirmed++;
            if (a.Late) late++;
        }
        await RaiseConfirmationsChangedAsync([.. assignments.Values.Where(a => db.Entry(a).State == EntityState.Modified).Select(a => a.Shift!).Distinct()], ct);
        await SaveRacingAsync("assignmentId", ct);
        return new ConfirmationResult(confirmed, declined, unchanged, late);
    }

    /// <summary>After a shift has started, the vendor records who came: confirmed agents only, all-or-nothing, correctable.</summary>
    public async Task<AttendanceResult> RecordAttendanceAsync(IReadOnlyList<AttendanceInput> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.AssignmentId).Distinct().ToList();
        var assignments = await db.Assignments.Include(a => a.Shift).Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var now = clock.GetUtcNow();
        var errors = new List<(string, RuleError)>();
        var seen = new HashSet<Guid>();
        for (var i = 0; i < rows.Count; i++)
        {
            var where = $"[{i}].assignmentId";
            if (!seen.Add(rows[i].AssignmentId)) errors.Add((where, ShiftRules.AssignmentTwice));
            else if (!assignments.TryGetValue(rows[i].AssignmentId, out var a)) errors.Add((where, ShiftRules.NoSuchAssignment));
            else if (a.AttendanceRefused(now) is { } refused) errors.Add((where, refused));
        }
        if (errors.Count > 0) throw RuleViolation.ForRows(errors);
        foreach (var r in rows)
        {
            var a = assignments[r.AssignmentId];
            a.Attended = r.Attended;
            a.AttendanceAt = now;
        }
        await db.SaveChangesAsync(ct);
        return new AttendanceResult(rows.Count(r => r.Attended), rows.Count(r => !r.Attended));
    }

    /// <summary>
    /// The planner cancels a shift that has not started: its agents are released and the vendor is told. Once it has
    /// started, agents are at work and their attendance is being recorded, as for the started shifts of a withdrawn request.
    /// </summary>
    public async Task<Shift> CancelAsync(Guid shiftId, string reason, CancellationToken ct)
    {
        var shift = await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId, ct) ?? throw new NotFound(Thing.Shift);
        if (shift.Status == ShiftStatus.Cancelled) return shift;
        if (shift.HasStarted(clock.GetUtcNow())) throw RuleViolation.Conflict("shiftId", ShiftRules.Started);
        await ReleaseAsync(shift, reason.Trim(), ct);
        await notifier.ShiftCancelledAsync(shift, ct);
        await webhooks.RaiseAsync(Webhooks.WebhookEvents.ShiftCancelled, shift.VendorId, new Webhooks.ShiftCancelledData(shift.Id, shift.VendorId,
            shift.EventId, await SkillCodeAsync(shift.SkillId, ct), shift.StartsAt, shift.EndsAt, shift.CancelReason), ct);
        await SaveRacingAsync("shiftId", ct);
        notifier.Dispatch(shift.TenantId);
        return shift;
    }

    /// <summary>
    /// The planner moves a shift that has not started, within its event and under the same rules as a new shift. The agents
    /// holding places keep them unless that would book them twice (409, naming them); confirmed ones are asked again and
    /// the vendor's managers are told. New times equal to the old change nothing.
    /// </summary>
    public async Task<Shift> MoveAsync(Guid shiftId, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var shift = await db.Shifts.SingleOrDefaultAsync(s => s.Id == shiftId, ct) ?? throw new NotFound(Thing.Shift);
        var now = clock.GetUtcNow();
        shift.EnsureOpenForAssignment(now);
        var e = await db.Events.AsNoTracking().SingleAsync(x => x.Id == shift.EventId, ct);
        Shift.Check(start, end, e, await db.TenantZoneAsync(ct), now, "startsAt", "endsAt");
        (start, end) = (start.ToUniversalTime(), end.ToUniversalTime());
        var (oldStart, oldEnd) = (shift.StartsAt, shift.EndsAt);
        if (!shift.Move(start, end)) return shift;

        var held = await db.Assignments.Where(a => a.ShiftId == shift.Id).Where(Assignment.HoldingAPlace).ToListAsync(ct);
        var agentIds = held.Select(a => a.AgentId).ToList();
        var onShift = await db.Assignments.AsNoTracking().Where(Assignment.HoldingAPlace)
            .Where(a => agentIds.Contains(a.AgentId) && a.ShiftId != shift.Id && a.Shift!.Status == ShiftStatus.Scheduled
                && a.Shift.StartsAt < end && start < a.Shift.EndsAt)
            .Select(a => a.Agent!.DisplayName + " (" + a.Agent.ExternalRef + ")").Distinct().ToListAsync(ct);
        if (onShift.Count > 0) throw RuleViolation.Conflict("startsAt", ShiftRules.MoveOnShift(onShift.Order(StringComparer.Ordinal)));
        var inTraining = await db.TrainingEnrollments.AsNoTracking()
            .Where(t => agentIds.Contains(t.AgentId) && t.Session!.Status == TrainingSessionStatus.Scheduled
                && t.Session.StartsAt < end && start < t.Session.EndsAt)
            .Select(t => t.Agent!.DisplayName + " (" + t.Agent.ExternalRef + ")").Distinct().ToListAsync(ct);
        if (inTraining.Count > 0) throw RuleViolation.Conflict("startsAt", ShiftRules.MoveInTraining(inTraining.Order(StringComparer.Ordinal)));

        var confirmed = held.Any(a => a.Status == AssignmentStatus.Confirmed);
        foreach (var a in held) a.AskAgain();
        if (confirmed) await RaiseConfirmationsChangedAsync([shift], ct);
        await notifier.ShiftMovedAsync(shift, oldStart, oldEnd, ct);
        await SaveRacingAsync("shiftId", ct);
        notifier.Dispatch(shift.TenantId);
        return shift;
    }

    /// <summary>One <c>shift.confirmations_changed</c> per shift, with its counts as they stand after the change (tracked rows read as changed).</summary>
    private async Task RaiseConfirmationsChangedAsync(IReadOnlyList<Shift> changed, CancellationToken ct)
    {
        if (changed.Count == 0) return;
        var ids = changed.Select(x => x.Id).ToList();
        var all = await db.Assignments.Where(a => ids.Contains(a.ShiftId)).ToListAsync(ct);
        var skillIds = changed.Select(x => x.SkillId).Distinct().ToList();
        var skills = await db.Skills.Where(k => skillIds.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Code, ct);
        foreach (var shift in changed)
        {
            var of = all.Where(a => a.ShiftId == shift.Id).ToList();
            await webhooks.RaiseAsync(Webhooks.WebhookEvents.ShiftConfirmationsChanged, shift.VendorId, new Webhooks.ShiftConfirmationsData(
                shift.Id, shift.VendorId, shift.EventId, skills[shift.SkillId], shift.StartsAt, shift.EndsAt, shift.Headcount,
                of.Count(a => a.Status == AssignmentStatus.Confirmed), of.Count(a => a.Status == AssignmentStatus.Declined)), ct);
        }
    }

    private Task<string> SkillCodeAsync(Guid skillId, CancellationToken ct) =>
        db.Skills.Where(k => k.Id == skillId).Select(k => k.Code).SingleAsync(ct);

    /// <summary>Cancels the shift and frees its agents; the caller saves.</summary>
    public async Task ReleaseAsync(Shift shift, string reason, CancellationToken ct)
    {
        shift.Cancel(reason);
        var held = await db.Assignments.Where(a => a.ShiftId == shift.Id).Where(Assignment.HoldingAPlace).ToListAsync(ct);
        // Who confirmed or declined, and when, stays on the assignment; the audit trail records the release.
        foreach (var a in held) a.Status = AssignmentStatus.Released;
    }

    /// <summary>Headcount plus the tenant's buffer, rounded up.</summary>
    public async Task<int> LimitAsync(Shift shift, CancellationToken ct)
    {
        var buffer = await db.Tenants.Where(t => t.Id == shift.TenantId).Select(t => t.AssignmentBufferPercent).SingleAsync(ct);
        return Shift.Limit(shift.Headcount, buffer);
    }

    /// <summary>The Monday of the tenant-local week the instant falls in: weekly hours are counted by the shift's local start.</summary>
    public static DateOnly WeekOf(DateTimeOffset at, TimeZoneInfo zone)
    {
        var day = DateOnly.FromDateTime(TenantTime.ToLocal(at, zone).DateTime);
        return day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
    }

    private async Task SaveRacingAsync(string field, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RuleViolation.Conflict(field, ShiftRules.ChangedConcurrently);
        }
    }
}
