namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// The rate cards list's filters: vendor, skill, and cards in effect on a local date. Cards come by vendor, skill and start
/// date, or with the latest start first.
/// </summary>
public sealed record RateCardFilter(Guid? VendorId = null, string? Skill = null, DateOnly? On = null, bool LatestFirst = false);

/// <summary>The rate cards list, read by the API and the portal; a vendor's managers see only their own.</summary>
public sealed class RateCardList(AppDbContext db, RateCardOperations cards)
{
    public async Task<Paged<RateCardResponse>> PageAsync(RateCardFilter filter, PageRequest page, CancellationToken ct)
    {
        var query = db.RateCards.AsNoTracking();
        if (filter.VendorId is { } vendorId) query = query.Where(c => c.VendorId == vendorId);
        if (await Skills.SkillCodes.FilterIdAsync(db, filter.Skill, ct) is { } skillId) query = query.Where(c => c.SkillId == skillId);
        if (filter.On is { } on) query = query.Where(c => c.EffectiveFrom <= on && (c.EffectiveTo == null || c.EffectiveTo >= on));
        return await query.OrderBy(c => c.VendorId).ThenBy(c => c.SkillId).ThenBy(c => c.EffectiveFrom, descending: filter.LatestFirst).ThenBy(c => c.Id)
            .ToPageAsync(page, cards.ResponsesAsync, ct);
    }
}
