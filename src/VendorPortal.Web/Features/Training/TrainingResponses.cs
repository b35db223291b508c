namespace VendorPortal.Web.Features.Training;

public sealed record TrainingSessionResponse(
    Guid Id, string Title, Guid? EventId, IReadOnlyList<string> Skills,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Capacity, int SeatsTaken, int SeatsLeft,
    string? Location, string? Trainer, string? Notes, TrainingSessionStatus Status, string? CancelReason);

public sealed record RosterEntry(
    Guid AgentId, Guid VendorId, string VendorName, string ExternalRef, string DisplayName,
    DateTimeOffset EnrolledAt, TrainingOutcome? Outcome, decimal? Score);

public sealed record TrainingSessionDetail(TrainingSessionResponse Session, IReadOnlyList<RosterEntry> Roster);

public sealed class TrainingReads(AppDbContext db)
{
    /// <summary>Sessions with times shown in the tenant's zone (the offset says which).</summary>
    public async Task<List<TrainingSessionResponse>> SessionsAsync(IQueryable<TrainingSession> sessions, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var rows = await sessions.AsNoTracking().Select(s => new { Session = s }).ToListAsync(ct);
        return [.. rows.Select(r => new TrainingSessionResponse(
            r.Session.Id, r.Session.Title, r.Session.EventId, Skills.SkillCodes.Codes(r.Session.SkillIds, codes),
            TenantTime.ToLocal(r.Session.StartsAt, zone), TenantTime.ToLocal(r.Session.EndsAt, zone),
            r.Session.Capacity, r.Session.SeatsTaken, r.Session.Capacity - r.Session.SeatsTaken,
            r.Session.Location, r.Session.Trainer, r.Session.Notes, r.Session.Status, r.Session.CancelReason))];
    }

    /// <summary>The session and its roster; a vendor user sees only their own agents on it.</summary>
    public async Task<TrainingSessionDetail?> DetailAsync(Guid id, CancellationToken ct)
    {
        var session = (await SessionsAsync(db.TrainingSessions.Where(s => s.Id == id), ct)).SingleOrDefault();
        if (session is null) return null;
        var roster = await db.TrainingEnrollments.AsNoTracking()
            .Where(e => e.SessionId == id)
            .OrderBy(e => e.Agent!.DisplayName)
            .Select(e => new RosterEntry(e.AgentId, e.VendorId,
                db.Vendors.Where(v => v.Id == e.VendorId).Select(v => v.Name).Single(),
                e.Agent!.ExternalRef, e.Agent.DisplayName, e.EnrolledAt, e.Outcome, e.Score))
            .ToListAsync(ct);
        return new TrainingSessionDetail(session, roster);
    }
}
