using VendorPortal.Web.Features.Agents;

namespace VendorPortal.Web.Features.Training;

public static class TrainingQueries
{
    /// <summary>
    /// What each agent is trained for right now: sessions passed whose validity (the tenant's
    /// TrainingValidityDays after the session ends) has not run out. Readiness counts only these.
    /// </summary>
    public static Task<Dictionary<Guid, IReadOnlyList<TrainedFor>>> TrainedForAsync(
        AppDbContext db, IReadOnlyCollection<Guid> agentIds, DateTimeOffset now, CancellationToken ct) =>
        TrainedForAsync(db, agentIds, now, validityDays: null, ct);

    /// <summary>For a caller that has the tenant's TrainingValidityDays at hand already.</summary>
    public static async Task<Dictionary<Guid, IReadOnlyList<TrainedFor>>> TrainedForAsync(
        AppDbContext db, IReadOnlyCollection<Guid> agentIds, DateTimeOffset now, int? validityDays, CancellationToken ct)
    {
        if (agentIds.Count == 0) return [];
        var passed = await db.TrainingEnrollments.AsNoTracking()
            .Where(e => agentIds.Contains(e.AgentId) && e.Outcome == TrainingOutcome.Passed)
            .Select(e => new
            {
                e.AgentId,
                e.SessionId,
                e.Session!.Title,
                e.Session.EventId,
                e.Session.EndsAt,
                e.ResultAt,
                e.Session.SkillIds,
            })
            .ToListAsync(ct);
        // Nothing passed, nothing to name or date: the tenant's validity and the skill codes are read only when needed.
        if (passed.Count == 0) return [];
        var validity = TimeSpan.FromDays(validityDays
            ?? await db.Tenants.Where(t => t.Id == db.Scope!.TenantId).Select(t => t.TrainingValidityDays).SingleAsync(ct));
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        return passed
            .Select(p => new { p.AgentId, Trained = new TrainedFor(p.SessionId, p.Title, p.EventId, Skills.SkillCodes.Codes(p.SkillIds, codes), p.ResultAt ?? p.EndsAt, p.EndsAt + validity) })
            .Where(p => p.Trained.ValidUntil > now)
            .GroupBy(p => p.AgentId)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<TrainedFor>)[.. g.Select(p => p.Trained).OrderByDescending(t => t.PassedAt)]);
    }

    /// <summary>Trained for a shift: a valid pass in a session for this event, or one not tied to an event, that covers the skill.</summary>
    public static bool IsTrainedFor(IReadOnlyList<TrainedFor>? trained, Guid eventId, string skill) =>
        trained is not null && trained.Any(t => (t.EventId is null || t.EventId == eventId) && t.Skills.Contains(skill));
}
