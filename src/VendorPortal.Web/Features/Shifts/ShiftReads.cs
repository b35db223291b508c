using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Shifts;

public sealed record ShiftResponse(
    Guid Id, Guid EventId, string EventName, Guid VendorId, string VendorName, string Skill, Guid? RequestId,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset ConfirmBy, int Headcount, int Limit,
    int Assigned, int Confirmed, int Declined, int Attended, int NoShows, ShiftStatus Status, string? CancelReason);

public sealed record AssignmentResponse(
    Guid Id, Guid AgentId, string ExternalRef, string DisplayName, AssignmentStatus Status, bool Trained,
    DateTimeOffset AssignedAt, DateTimeOffset? DecidedAt, string? DecidedBy, bool Late, string? DeclineReason, bool? Attended);

public sealed record ShiftDetail(ShiftResponse Shift, IReadOnlyList<AssignmentResponse> Assignments);

/// <summary>Read models for shifts, in the tenant's zone (the offset says which). Vendor users see their own only.</summary>
public sealed class ShiftReads(AppDbContext db, TimeProvider clock)
{
    public async Task<List<ShiftResponse>> ShiftsAsync(IQueryable<Shift> query, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().Where(t => t.Id == db.Scope!.TenantId)
            .Select(t => new { t.TimeZone, t.ConfirmationDeadlineHours, t.AssignmentBufferPercent }).SingleAsync(ct);
        var zone = TimeZoneInfo.FindSystemTimeZoneById(tenant.TimeZone);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var rows = await query.AsNoTracking()
            .Select(s => new
            {
                Shift = s,
                EventName = db.Events.Where(e => e.Id == s.EventId).Select(e => e.Name).Single(),
                VendorName = db.Vendors.Where(v => v.Id == s.VendorId).Select(v => v.Name).Single(),
            })
            .ToListAsync(ct);
        var counts = await CountsAsync([.. rows.Select(r => r.Shift.Id)], ct);
        var deadline = TimeSpan.FromHours(tenant.ConfirmationDeadlineHours);
        return [.. rows.Select(x =>
        {
            var s = x.Shift;
            var c = counts.GetValueOrDefault(s.Id);
            return new ShiftResponse(s.Id, s.EventId, x.EventName, s.VendorId, x.VendorName, codes.GetValueOrDefault(s.SkillId, "?"), s.RequestId,
                TenantTime.ToLocal(s.StartsAt, zone), TenantTime.ToLocal(s.EndsAt, zone), TenantTime.ToLocal(s.StartsAt - deadline, zone),
                s.Headcount, Shift.Limit(s.Headcount, tenant.AssignmentBufferPercent),
                c.Assigned, c.Confirmed, c.Declined, c.Attended, c.NoShows, s.Status, s.CancelReason);
        })];
    }

    public async Task<ShiftDetail> ShiftAsync(Guid id, CancellationToken ct)
    {
        var shift = (await ShiftsAsync(db.Shifts.Where(s => s.Id == id), ct)).SingleOrDefault() ?? throw new NotFound(Thing.Shift);
        var zone = await db.TenantZoneAsync(ct);
        var rows = await db.Assignments.AsNoTracking().Where(a => a.ShiftId == id)
            .OrderBy(a => a.Agent!.DisplayName).ThenBy(a => a.Id)
            .Select(a => new { Assignment = a, a.Agent!.ExternalRef, a.Agent.DisplayName })
            .ToListAsync(ct);
        var trained = await TrainingQueries.TrainedForAsync(db, [.. rows.Select(r => r.Assignment.AgentId)], clock.GetUtcNow(), ct);
        return new ShiftDetail(shift, [.. rows.Select(r =>
        {
            var a = r.Assignment;
            return new AssignmentResponse(a.Id, a.AgentId, r.ExternalRef, r.DisplayName, a.Status,
                TrainingQueries.IsTrainedFor(trained.GetValueOrDefault(a.AgentId), shift.EventId, shift.Skill),
                TenantTime.ToLocal(a.AssignedAt, zone), TenantTime.ToLocal(a.DecidedAt, zone), a.DecidedBy, a.Late, a.DeclineReason, a.Attended);
        })]);
    }

    public readonly record struct ShiftCounts(int Assigned, int Confirmed, int Declined, int Attended, int NoShows);

    public async Task<Dictionary<Guid, ShiftCounts>> CountsAsync(List<Guid> shiftIds, CancellationToken ct)
    {
        if (shiftIds.Count == 0) return [];
        var rows = await db.Assignments.AsNoTracking().Where(a => shiftIds.Contains(a.ShiftId))
            .GroupBy(a => new { a.ShiftId, a.Status, a.Attended })
            .Select(g => new { g.Key.ShiftId, g.Key.Status, g.Key.Attended, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ShiftId).ToDictionary(g => g.Key, g => new ShiftCounts(
            g.Where(r => r.Status.HoldsAPlace()).Sum(r => r.Count),
            g.Where(r => r.Status == AssignmentStatus.Confirmed).Sum(r => r.Count),
            g.Where(r => r.Status == AssignmentStatus.Declined).Sum(r => r.Count),
            g.Where(r => r.Status == AssignmentStatus.Confirmed && r.Attended == true).Sum(r => r.Count),
            g.Where(r => r.Status == AssignmentStatus.Confirmed && r.Attended == false).Sum(r => r.Count)));
    }
}
