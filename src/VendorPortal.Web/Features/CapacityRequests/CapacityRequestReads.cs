using VendorPortal.Web.Features.Shifts;

namespace VendorPortal.Web.Features.CapacityRequests;

public sealed record RequestedShiftResponse(
    Guid Id, DateTimeOffset StartsAt, DateTimeOffset EndsAt, int Headcount, int? Committed, Guid? ShiftId, int Assigned, int Confirmed);

public sealed record CapacityRequestResponse(
    Guid Id, Guid EventId, string EventName, Guid VendorId, string VendorName, string Skill, DateTimeOffset RespondBy,
    CapacityRequestStatus Status, CapacityAnswer? Answer, bool Overdue, bool RespondedLate, string? Message, string? ResponseMessage,
    DateTimeOffset? RespondedAt, string? RespondedBy, string? CancelReason, Guid? BackfillForId, int Requested, int? Committed,
    string CreatedBy, DateTimeOffset CreatedAt, IReadOnlyList<RequestedShiftResponse> Shifts);

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

/// <summary>Read models for requests and the event's fill, in the tenant's zone (the offset says which). Vendor users see their own only.</summary>
public sealed class CapacityRequestReads(AppDbContext db, ShiftReads shiftReads, TimeProvider clock)
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
        var counts = await shiftReads.CountsAsync(shiftIds, ct);
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
                TenantTime.ToLocal(r.RespondBy, zone), r.Status, r.Answer, r.IsOverdue(now),
                r.RespondedLate, r.Message, r.ResponseMessage, TenantTime.ToLocal(r.RespondedAt, zone), r.RespondedBy, r.CancelReason, r.BackfillForId,
                shifts.Sum(s => s.Headcount), r.Status == CapacityRequestStatus.Responded ? shifts.Sum(s => s.Committed ?? 0) : null,
                r.CreatedBy, TenantTime.ToLocal(r.CreatedAt, zone), shifts);
        })];
    }

    public async Task<CapacityRequestResponse> RequestAsync(Guid id, CancellationToken ct) =>
        (await RequestsAsync(db.CapacityRequests.Where(r => r.Id == id), ct)).SingleOrDefault() ?? throw new NotFound(Thing.CapacityRequest);

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
        var counts = await shiftReads.CountsAsync([.. shifts.Select(s => s.Id)], ct);
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
        var counts = await shiftReads.CountsAsync([.. shifts.Select(s => s.Id)], ct);
        return [.. asked, .. shifts.Select(s => new Coverage(s.SkillId, s.StartsAt, s.EndsAt, 0, s.Headcount, counts.GetValueOrDefault(s.Id).Confirmed))];
    }
}
