namespace VendorPortal.Web.Features.Shifts;

/// <summary>
/// The shifts list's filters. Shifts ending on or after <see cref="From"/> (none: any time) and starting by <see cref="To"/>;
/// cancelled ones only when asked; in time order, or newest first for the history.
/// </summary>
public sealed record ShiftFilter(
    Guid? EventId = null, Guid? VendorId = null, string? Skill = null, DateTimeOffset? From = null, DateTimeOffset? To = null,
    bool IncludeCancelled = false, bool NewestFirst = false);

/// <summary>The shifts list with its counts, read by the API and the portal; a vendor manager sees their vendor's.</summary>
public sealed class ShiftList(AppDbContext db, ShiftReads reads)
{
    public async Task<Paged<ShiftResponse>> PageAsync(ShiftFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.Shifts.AsNoTracking();
        if (filter.From is { } from) query = query.Where(s => s.EndsAt >= from);
        if (filter.To is { } to) query = query.Where(s => s.StartsAt <= to);
        if (filter.EventId is { } eventId) query = query.Where(s => s.EventId == eventId);
        if (filter.VendorId is { } vendorId) query = query.Where(s => s.VendorId == vendorId);
        if (await Skills.SkillCodes.FilterIdAsync(db, filter.Skill, ct) is { } skillId) query = query.Where(s => s.SkillId == skillId);
        if (!filter.IncludeCancelled) query = query.Where(s => s.Status == ShiftStatus.Scheduled);
        return await query.OrderBy(s => s.StartsAt, descending: filter.NewestFirst).ThenBy(s => s.Id).ToPageAsync(page, reads.ShiftsAsync, ct);
    }
}
