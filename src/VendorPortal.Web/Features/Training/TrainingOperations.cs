using System.Text.Json;
using VendorPortal.Web.Features.Agents;
using VendorPortal.Web.Features.Notifications;

namespace VendorPortal.Web.Features.Training;

public sealed class TrainingSessionInput
{
    public string Title { get; set; } = "";
    public Guid? EventId { get; set; }
    /// <summary>Skill codes the session prepares for.</summary>
    public List<string> Skills { get; set; } = [];
    /// <summary>Start in the tenant's local time, e.g. 2026-11-09T09:00.</summary>
    public DateTime StartsAtLocal { get; set; }
    public DateTime EndsAtLocal { get; set; }
    public int Capacity { get; set; }
    public string? Location { get; set; }
    public string? Trainer { get; set; }
    public string? Notes { get; set; }
}

public sealed class TrainingSessionInputValidator : Validator<TrainingSessionInput>
{
    public TrainingSessionInputValidator()
    {
        RuleFor(x => x.Title).NotEmpty().MaximumLength(200);
        RuleFor(x => x.Skills).NotNull().Must(s => s.Count is >= 1 and <= 20).WithMessage("Name one to twenty skills.");
        RuleFor(x => x.StartsAtLocal).NotEmpty();
        RuleFor(x => x.EndsAtLocal).NotEmpty().GreaterThan(x => x.StartsAtLocal).WithMessage("The session must end after it starts.");
        RuleFor(x => x).Must(x => x.EndsAtLocal - x.StartsAtLocal <= TimeSpan.FromHours(12))
            .WithName("endsAtLocal").WithMessage("A session lasts at most 12 hours.");
        RuleFor(x => x.Capacity).InclusiveBetween(1, 1000);
        RuleFor(x => x.Location).MaximumLength(400);
        RuleFor(x => x.Trainer).MaximumLength(200);
        RuleFor(x => x.Notes).MaximumLength(2000);
    }
}

public sealed record ResultInput(Guid AgentId, TrainingOutcome Outcome, decimal? Score);

/// <summary>Pre-promotion training: sessions, enrolment under a hard capacity, and results. Shared by the API and the portal.</summary>
public sealed class TrainingOperations(AppDbContext db, AccessScopeAccessor scope, Notifier notifier, Webhooks.WebhookOutbox webhooks, TimeProvider clock)
{
    public async Task<TrainingSession> CreateAsync(TrainingSessionInput input, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var session = new TrainingSession { Title = "", TenantId = scope.Required.TenantId };
        await ApplyAsync(session, input, zone, ct);
        db.TrainingSessions.Add(session);
        await db.SaveChangesAsync(ct);
        return session;
    }

    /// <summary>Reschedules or edits a session; enrolled vendors are told when the time or place changes.</summary>
    public async Task<TrainingSession> UpdateAsync(Guid id, TrainingSessionInput input, CancellationToken ct)
    {
        var session = await LoadAsync(id, ct);
        if (session.Status == TrainingSessionStatus.Cancelled)
            throw RuleViolation.Conflict("status", TrainingRules.Cancelled);
        if (input.Capacity < session.SeatsTaken)
            throw new RuleViolation("capacity", TrainingRules.CapacityBelowEnrolled(session.SeatsTaken));
        var (starts, ends, location) = (session.StartsAt, session.EndsAt, session.Location);
        await ApplyAsync(session, input, await db.TenantZoneAsync(ct), ct);
        var moved = session.StartsAt != starts || session.EndsAt != ends;
        if (moved) await EnsureNoOverlapForEnrolledAsync(session, ct);
        if (moved || session.Location != location)
            await notifier.TrainingChangedAsync(session, rescheduled: true, ct);
        await db.SaveChangesAsync(ct);
        notifier.Dispatch(session.TenantId);
        return session;
    }

    public async Task<TrainingSession> CancelAsync(Guid id, string reason, CancellationToken ct)
    {
        var session = await LoadAsync(id, ct);
        if (session.Status == TrainingSessionStatus.Cancelled) return session;
        session.Status = TrainingSessionStatus.Cancelled;
        session.CancelReason = reason.Trim();
        await notifier.TrainingChangedAsync(session, rescheduled: false, ct);
        await db.SaveChangesAsync(ct);
        notifier.Dispatch(session.TenantId);
        return session;
    }

    /// <summary>
    /// Enrols agents all-or-nothing. The seat count is a concurrency token: when two vendors race for the
    /// last seat, the second save finds the count changed and answers 409.
    /// </summary>
    public async Task<List<TrainingEnrollment>> EnrollAsync(Guid sessionId, IReadOnlyList<Guid> agentIds, CancellationToken ct)
    {
        var session = await LoadAsync(sessionId, ct);
        if (session.Status == TrainingSessionStatus.Cancelled) throw RuleViolation.Conflict("sessionId", TrainingRules.Cancelled);
        if (session.StartsAt <= clock.GetUtcNow()) throw RuleViolation.Conflict("sessionId", TrainingRules.Started);

        var ids = agentIds.Distinct().ToList();
        var agents = await db.Agents.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, ct);
        var enrolled = await db.TrainingEnrollments
            .Where(e => e.SessionId == sessionId && ids.Contains(e.AgentId)).Select(e => e.AgentId).ToListAsync(ct);
        var busy = await db.TrainingEnrollments.AsNoTracking()
            .Where(e => ids.Contains(e.AgentId) && e.SessionId != sessionId
                && e.Session!.Status == TrainingSessionStatus.Scheduled
                && e.Session.StartsAt < session.EndsAt && session.StartsAt < e.Session.EndsAt)
            .Select(e => new { e.AgentId, e.Session!.Title })
            .ToListAsync(ct);
        var onShift = await ShiftClashesAsync(ids, session, ct);

        var errors = new List<RuleError>();
        foreach (var id in ids)
        {
            if (!agents.TryGetValue(id, out var agent)) errors.Add(TrainingRules.NoSuchAgent(id));
            else if (agent.Status != AgentStatus.Active) errors.Add(TrainingRules.AgentCannotEnrol(agent.DisplayName, agent.ExternalRef, agent.Status));
            else if (enrolled.Contains(id)) errors.Add(TrainingRules.AlreadyEnrolled(agent.DisplayName, agent.ExternalRef));
            else if (busy.FirstOrDefault(b => b.AgentId == id) is { } clash)
                errors.Add(TrainingRules.InOtherSession(agent.DisplayName, agent.ExternalRef, clash.Title));
            else if (onShift.Contains(id))
                errors.Add(TrainingRules.OnShift(agent.DisplayName, agent.ExternalRef));
        }
        if (errors.Count > 0) throw new RuleViolation("agentIds", CommonRules.Several(errors));
        if (session.SeatsTaken + ids.Count > session.Capacity)
            throw RuleViolation.Conflict("agentIds", TrainingRules.SeatsLeft(session.Capacity - session.SeatsTaken));

        var now = clock.GetUtcNow();
        var rows = ids.Select(id => new TrainingEnrollment
        {
            SessionId = sessionId, AgentId = id, VendorId = agents[id].VendorId, EnrolledAt = now,
        }).ToList();
        db.TrainingEnrollments.AddRange(rows);
        session.SeatsTaken += rows.Count;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RuleViolation.Conflict("agentIds", TrainingRules.SeatsChanged);
        }
        return rows;
    }

    public async Task WithdrawAsync(Guid sessionId, Guid agentId, CancellationToken ct)
    {
        var session = await LoadAsync(sessionId, ct);
        var enrollment = await db.TrainingEnrollments.SingleOrDefaultAsync(e => e.SessionId == sessionId && e.AgentId == agentId, ct)
            ?? throw new NotFound(Thing.Enrolment);
        // Once it has started, an absent agent is a no-show on the vendor's record, not a withdrawal.
        if (session.StartsAt <= clock.GetUtcNow())
            throw RuleViolation.Conflict("agentId", TrainingRules.WithdrawAfterStart);
        if (enrollment.Outcome is not null) throw RuleViolation.Conflict("agentId", TrainingRules.ResultRecorded);
        db.TrainingEnrollments.Remove(enrollment);
        session.SeatsTaken--;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw RuleViolation.Conflict("agentId", TrainingRules.ChangedConcurrently);
        }
    }

    /// <summary>Records results all-or-nothing; every agent must be enrolled in the session.</summary>
    public async Task RecordResultsAsync(Guid sessionId, IReadOnlyList<ResultInput> results, CancellationToken ct)
    {
        var session = await LoadAsync(sessionId, ct);
        if (session.StartsAt > clock.GetUtcNow()) throw RuleViolation.Conflict("sessionId", TrainingRules.ResultsBeforeStart);
        var ids = results.Select(r => r.AgentId).ToList();
        var enrollments = await db.TrainingEnrollments.Where(e => e.SessionId == sessionId && ids.Contains(e.AgentId)).ToDictionaryAsync(e => e.AgentId, ct);
        var errors = results.Select((r, i) => enrollments.ContainsKey(r.AgentId) ? null : TrainingRules.ResultNotEnrolled(i + 1, r.AgentId))
            .OfType<RuleError>().ToList();
        if (ids.Count != ids.Distinct().Count()) errors.Add(TrainingRules.ResultAgentTwice);
        if (errors.Count > 0) throw new RuleViolation("results", CommonRules.Several(errors));
        var now = clock.GetUtcNow();
        foreach (var r in results)
        {
            var e = enrollments[r.AgentId];
            e.Outcome = r.Outcome;
            e.Score = r.Score;
            e.ResultAt = now;
        }
        // One event per vendor, carrying only that vendor's agents.
        foreach (var vendor in results.Select(r => enrollments[r.AgentId]).GroupBy(e => e.VendorId))
            await webhooks.RaiseAsync(Webhooks.WebhookEvents.TrainingResultsRecorded, vendor.Key, new Webhooks.TrainingResultsData(session.Id, session.Title,
                vendor.Key, [.. vendor.Select(e => new Webhooks.TrainingResultData(e.AgentId, JsonNamingPolicy.CamelCase.ConvertName(e.Outcome.ToString()!)))]), ct);
        await db.SaveChangesAsync(ct);
    }

    private async Task<TrainingSession> LoadAsync(Guid id, CancellationToken ct) =>
        await db.TrainingSessions.SingleOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFound(Thing.TrainingSession);

    private async Task ApplyAsync(TrainingSession session, TrainingSessionInput input, TimeZoneInfo zone, CancellationToken ct)
    {
        session.SkillIds = await Skills.SkillCodes.ResolveAsync(db, input.Skills, "skills", ct);
        session.Title = input.Title.Trim();
        session.EventId = input.EventId;
        session.StartsAt = TenantTime.ToInstant(input.StartsAtLocal, zone, "startsAtLocal");
        session.EndsAt = TenantTime.ToInstant(input.EndsAtLocal, zone, "endsAtLocal");
        session.Capacity = input.Capacity;
        session.Location = Clean(input.Location);
        session.Trainer = Clean(input.Trainer);
        session.Notes = Clean(input.Notes);
    }

    private async Task EnsureNoOverlapForEnrolledAsync(TrainingSession session, CancellationToken ct)
    {
        var clashes = await db.TrainingEnrollments.AsNoTracking()
            .Where(e => e.SessionId != session.Id && e.Session!.Status == TrainingSessionStatus.Scheduled
                && e.Session.StartsAt < session.EndsAt && session.StartsAt < e.Session.EndsAt
                && db.TrainingEnrollments.Any(x => x.SessionId == session.Id && x.AgentId == e.AgentId))
            .Select(e => e.Agent!.DisplayName)
            .Distinct()
            .ToListAsync(ct);
        if (clashes.Count > 0)
            throw RuleViolation.Conflict("startsAtLocal", TrainingRules.RescheduleClash(clashes));
        var enrolled = await db.TrainingEnrollments.Where(e => e.SessionId == session.Id).Select(e => e.AgentId).ToListAsync(ct);
        var onShift = await ShiftClashesAsync(enrolled, session, ct);
        if (onShift.Count > 0)
            throw RuleViolation.Conflict("startsAtLocal", TrainingRules.RescheduleOnShift(onShift.Count));
    }

    /// <summary>Agents holding a place on a scheduled shift that overlaps the session: never book an agent twice.</summary>
    private Task<List<Guid>> ShiftClashesAsync(List<Guid> agentIds, TrainingSession session, CancellationToken ct) =>
        db.Assignments.AsNoTracking()
            .Where(Shifts.Assignment.HoldingAPlace)
            .Where(a => agentIds.Contains(a.AgentId)
                && a.Shift!.Status == Shifts.ShiftStatus.Scheduled
                && a.Shift.StartsAt < session.EndsAt && session.StartsAt < a.Shift.EndsAt)
            .Select(a => a.AgentId)
            .Distinct()
            .ToListAsync(ct);

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
