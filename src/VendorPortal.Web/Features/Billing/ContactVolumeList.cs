namespace VendorPortal.Web.Features.Billing;

/// <summary>The contact volumes list's filters: vendor, skill and a range of local dates (both inclusive, either open).</summary>
public sealed record ContactVolumeFilter(Guid? VendorId = null, string? Skill = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>The contact volumes list by date, vendor, skill and interval; vendor managers see their own.</summary>
public sealed class ContactVolumeList(AppDbContext db)
{
    public async Task<Paged<ContactVolumeResponse>> PageAsync(ContactVolumeFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.ContactVolumes.AsNoTracking();
        if (filter.VendorId is { } vendorId) query = query.Where(v => v.VendorId == vendorId);
        if (await Skills.SkillCodes.FilterIdAsync(db, filter.Skill, ct) is { } skillId) query = query.Where(v => v.SkillId == skillId);
        if (filter.From is { } from) query = query.Where(v => v.Date >= from);
        if (filter.To is { } to) query = query.Where(v => v.Date <= to);
        return await query.OrderBy(v => v.Date).ThenBy(v => v.VendorId).ThenBy(v => v.SkillId).ThenBy(v => v.IntervalMinute)
            .ToPageAsync(page, (rows, token) => ContactVolumeOperations.ResponsesAsync(db, rows, token), ct);
    }
}
