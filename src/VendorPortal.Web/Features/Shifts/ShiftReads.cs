using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Shifts;

public sealed record RequestedShiftResponse(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Headcount, int? Committed, Guid? ShiftId, int Assigned, int Confirmed);

public sealed record CapacityRequestResponse(
    Guid Id, Guid EventId, string EventName, Guid VendorId, string VendorName, string Skill, DateTimeOffset RespondBy,
    CapacityRequestStatus Status, CapacityAnswer? Answer, bool Overdue, bool RespondedLate, string? Message, string? ResponseMessage,
    DateTimeOffset? RespondedAt, string? RespondedBy, string? CancelReason, Guid? BackfillForId, int Requested, int? Committed,
    string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<RequestedShiftResponse> Shifts);

public sealed record ShiftResponse(
    Guid Id, Guid EventId, string EventName, Guid VendorId, string VendorName, string Skill, Guid? RequestId,
    DateTimeOffset StartsAt, DateTimeOffset EndsAt, DateTimeOffset ConfirmBy, int Headcount, int Limit,
    int Assigned, int Confirmed, int Declined, int Attended, int NoShows, ShiftStatus Status, string? CancelReason);

public sealed record AssignmentResponse(
    Guid Id, Guid AgentId, string ExternalRef, string DisplayName, AssignmentStatus Status, bool Trained,
    DateTimeOffset AssignedAt, DateTimeOffset? DecidedAt, string? DecidedBy, bool Late, string? DeclineReason, bool? Attended);

public sealed record ShiftDetail(ShiftResponse Shift, IReadOnlyList<AssignmentResponse> Assignments);

/// <summary>One vendor's part in a slot of the fill view.</summary>
public sealed record FillVendor(
    Guid VendorId, string VendorName, Guid? RequestId, CapacityRequestStatus? Status, CapacityAnswer? Answer, bool Backfill,
    int Asked, int Committed, int Confirmed, bool Overdue, bool Late);

/// <summary>
/// A shift slot of an event across vendors: agents needed (asked of the first vendors, backfills excluded), still awaiting
/// an answer, committed, confirmed, and the gap nobody has been asked to fill yet.
/// </summary>
public sealed record FillSlot(
    string Skill, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Needed, int Pending, int Committed, int Confirmed, int Gap,
    IReadOnlyList<FillVendor> Vendors);

/// <summary>A shift's time span with the agents requested, committed and confirmed in it, for the event's staffing figures.</summary>
public sealed record Coverage(Guid SkillId, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Requested, int Committed, int Confirmed);

/// <summary>Read models for requests and shifts, in the tenant's zone (the offset says which). Vendor users see their own only.</summary>
public sealed class ShiftReads(AppDbContext db, TimeProvider clock)
{
    public async Task<List<CapacityRequestResponse>> RequestsAsync(IQueryable<CapacityRequest> query, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var rows = await query.AsNoTracking().Include(r => r.Shifts)
            .Select(r => new
            {
                Request = r,
                EventName = db.Events.Where(e => e.Id == r.EventId).Select(e => e.Name).Single(),
                VendorName = db.Vendors.Where(v => v.Id == r.VendorId).Select(v => v.Name).Single(),
            })
            .ToListAsync(ct);
        var shiftIds = rows.SelectMany(r => r.Request.Shifts).Select(s => s.ShiftId).OfType<Guid>().ToList();
        var counts = await CountsAsync(shiftIds, ct);
        var now = clock.GetUtcNow();
        return [.. rows.Select(x =>
        {
            var r = x.Request;
            var shifts = r.Shifts.OrderBy(s => s.StartsAt).Select(s =>
            {
                var c = s.ShiftId is { } id ? counts.GetValueOrDefault(id) : default;
                return new RequestedShiftResponse(s.Id, TenantTime.ToLocal(s.StartsAt, zone), TenantTime.ToLocal(s.EndsAt, zone), s.Headcount,
                    s.Committed, s.ShiftId, c.Assigned, c.Confirmed);
            }).ToList();
            return new CapacityRequestResponse(r.Id, r.EventId, x.EventName, r.VendorId, x.VendorName, codes.GetValueOrDefault(r.SkillId, "?"),
                TenantTime.ToLocal(r.RespondBy, zone), r.Status, r.Answer, r.Status == CapacityRequestStatus.Sent && now > r.RespondBy,
                r.RespondedLate, r.Message, r.ResponseMessage, Local(r.RespondedAt, zone), r.RespondedBy, r.CancelReason, r.BackfillForId,
                shifts.Sum(s => s.Headcount), r.Status == CapacityRequestStatus.Responded ? shifts.Sum(s => s.Committed ?? 0) : null,
                r.CreatedBy, TenantTime.ToLocal(r.CreatedAt, zone), shifts);
        })];
    }

    public async Task<CapacityRequestResponse> RequestAsync(Guid id, CancellationToken ct) =>
        (await RequestsAsync(db.CapacityRequests.Where(r => r.Id == id), ct)).SingleOrDefault() ?? throw new NotFound("Capacity request");

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
                s.Headcount, ShiftOperations.Limit(s.Headcount, tenant.AssignmentBufferPercent),
                c.Assigned, c.Confirmed, c.Declined, c.Attended, c.NoShows, s.Status, s.CancelReason);
        })];
    }

    public async Task<ShiftDetail> ShiftAsync(Guid id, CancellationToken ct)
    {
        var shift = (await ShiftsAsync(db.Shifts.Where(s => s.Id == id), ct)).SingleOrDefault() ?? throw new NotFound("Shift");
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
                TenantTime.ToLocal(a.AssignedAt, zone), Local(a.DecidedAt, zone), a.DecidedBy, a.Late, a.DeclineReason, a.Attended);
        })]);
    }

    /// <summary>Every slot of the event across vendors, per skill and time, from the requests and the shifts.</summary>
    public async Task<List<FillSlot>> FillAsync(Guid eventId, CancellationToken ct)
    {
        var zone = await db.TenantZoneAsync(ct);
        var codes = await Skills.SkillCodes.ByIdAsync(db, ct);
        var vendors = await db.Vendors.AsNoTracking().ToDictionaryAsync(v => v.Id, v => v.Name, ct);
        var now = clock.GetUtcNow();
        var asked = await db.RequestedShifts.AsNoTracking()
            .Join(db.CapacityRequests.Where(r => r.EventId == eventId && r.Status != CapacityRequestStatus.Cancelled),
                s => s.RequestId, r => r.Id, (s, r) => new { s.StartsAt, s.EndsAt, s.Headcount, s.ShiftId, r.Id, r.VendorId, r.SkillId, r.Status, r.Answer, r.BackfillForId, r.RespondBy, r.RespondedLate })
            .ToListAsync(ct);
        var shifts = await db.Shifts.AsNoTracking().Where(s => s.EventId == eventId && s.Status == ShiftStatus.Scheduled)
            .Select(s => new { s.Id, s.VendorId, s.SkillId, s.StartsAt, s.EndsAt, s.Headcount, s.RequestId }).ToListAsync(ct);
        var counts = await CountsAsync([.. shifts.Select(s => s.Id)], ct);
        var byRequestedShift = shifts.ToDictionary(s => s.Id);

        var slots = asked.Select(a => (a.SkillId, a.StartsAt, a.EndsAt)).Concat(shifts.Select(s => (s.SkillId, s.StartsAt, s.EndsAt))).Distinct();
        return [.. slots.Select(slot =>
        {
            var parts = asked.Where(a => (a.SkillId, a.StartsAt, a.EndsAt) == slot).Select(a =>
            {
                var shift = a.ShiftId is { } id ? byRequestedShift.GetValueOrDefault(id) : null;
                return new FillVendor(a.VendorId, vendors.GetValueOrDefault(a.VendorId, "?"), a.Id, a.Status, a.Answer, a.BackfillForId is not null,
                    a.Headcount, shift?.Headcount ?? 0, shift is null ? 0 : counts.GetValueOrDefault(shift.Id).Confirmed,
                    a.Status == CapacityRequestStatus.Sent && now > a.RespondBy, a.RespondedLate);
            })
            .Concat(shifts.Where(s => s.RequestId is null && (s.SkillId, s.StartsAt, s.EndsAt) == slot).Select(s =>
                new FillVendor(s.VendorId, vendors.GetValueOrDefault(s.VendorId, "?"), null, null, null, false,
                    0, s.Headcount, counts.GetValueOrDefault(s.Id).Confirmed, false, false)))
            .OrderBy(v => v.Backfill).ThenBy(v => v.VendorName, StringComparer.Ordinal).ToList();
            var needed = parts.Where(p => !p.Backfill).Sum(p => p.Asked);
            var pending = parts.Where(p => p.Status == CapacityRequestStatus.Sent).Sum(p => p.Asked);
            var committed = parts.Sum(p => p.Committed);
            return new FillSlot(codes.GetValueOrDefault(slot.SkillId, "?"), TenantTime.ToLocal(slot.StartsAt, zone), TenantTime.ToLocal(slot.EndsAt, zone),
                needed, pending, committed, parts.Sum(p => p.Confirmed), Math.Max(0, needed - committed - pending), parts);
        })
        .OrderBy(s => s.Skill, StringComparer.Ordinal).ThenBy(s => s.StartsAt).ThenBy(s => s.EndsAt)];
    }

    /// <summary>Requested (open and answered requests), committed and confirmed agents per shift span of the event.</summary>
    public async Task<List<Coverage>> CoverageAsync(Guid eventId, CancellationToken ct)
    {
        var asked = await db.RequestedShifts.AsNoTracking()
            .Join(db.CapacityRequests.Where(r => r.EventId == eventId && r.Status != CapacityRequestStatus.Cancelled),
                s => s.RequestId, r => r.Id, (s, r) => new Coverage(r.SkillId, s.StartsAt, s.EndsAt, s.Headcount, 0, 0))
            .ToListAsync(ct);
        var shifts = await db.Shifts.AsNoTracking().Where(s => s.EventId == eventId && s.Status == ShiftStatus.Scheduled)
            .Select(s => new { s.Id, s.SkillId, s.StartsAt, s.EndsAt, s.Headcount }).ToListAsync(ct);
        var counts = await CountsAsync([.. shifts.Select(s => s.Id)], ct);
        return [.. asked, .. shifts.Select(s => new Coverage(s.SkillId, s.StartsAt, s.EndsAt, 0, s.Headcount, counts.GetValueOrDefault(s.Id).Confirmed))];
    }

    public readonly record struct ShiftCounts(int Assigned, int Confirmed, int Declined, int Attended, int NoShows);

    private async Task<Dictionary<Guid, ShiftCounts>> CountsAsync(List<Guid> shiftIds, CancellationToken ct)
    {
        if (shiftIds.Count == 0) return [];
        var rows = await db.Assignments.AsNoTracking().Where(a => shiftIds.Contains(a.ShiftId))
            .GroupBy(a => new { a.ShiftId, a.Status, a.Attended })
            .Select(g => new { g.Key.ShiftId, g.Key.Status, g.Key.Attended, Count = g.Count() })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.ShiftId).ToDictionary(g => g.Key, g => new ShiftCounts(
            g.Where(r => r.Status is AssignmentStatus.Assigned or AssignmentStatus.Confirmed).Sum(r => r.Count),
            g.Where(r => r.Status == AssignmentStatus.Confirmed).Sum(r => r.Count),
            g.Where(r => r.Status == AssignmentStatus.Declined).Sum(r => r.Count),
            g.Where(r => r.Status == AssignmentStatus.Confirmed && r.Attended == true).Sum(r => r.Count),
            g.Where(r => r.Status == AssignmentStatus.Confirmed && r.Attended == false).Sum(r => r.Count)));
    }

    private static DateTimeOffset? Local(DateTimeOffset? at, TimeZoneInfo zone) => at is { } v ? TenantTime.ToLocal(v, zone) : null;
}
