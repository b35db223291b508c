using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Billing;

public sealed record VendorScorecard(
    Guid VendorId, string VendorName, string Currency, long Contacts, decimal Cost, decimal? CostPerContact, long UnpricedContacts,
    decimal? AnswerRate, decimal? AverageHandleSeconds, decimal? ComplaintRate, decimal? TrainingPassRate, int TrainingResults,
    decimal? ConfirmationRate, decimal? NoShowRate);

/// <summary>
/// Per vendor, efficiency beside quality for a range of local dates. Cost is the range's volumes priced at the
/// rate cards as one billing period (tiers counted from the first day, monthly minimums pro rata), before
/// adjustments and tax. Confirmation and no-show rates need shifts, which do not exist yet: they are null.
/// </summary>
public sealed class Scorecards(AppDbContext db, AccessScopeAccessor scope)
{
    public async Task<List<VendorScorecard>> ForAsync(IReadOnlyList<(Guid Id, string Name)> vendors, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == scope.Required.TenantId, ct);
        var ids = vendors.Select(v => v.Id).ToList();
        var days = (await VolumeFigures.DaysAsync(db, null, from, to, ct)).Where(d => ids.Contains(d.VendorId)).ToLookup(d => d.VendorId);
        var cards = (await db.RateCards.AsNoTracking()
            .Where(c => ids.Contains(c.VendorId) && c.EffectiveFrom <= to && (c.EffectiveTo == null || c.EffectiveTo >= from))
            .ToListAsync(ct)).ToLookup(c => c.VendorId);
        var skills = await db.Skills.AsNoTracking().ToDictionaryAsync(s => s.Id, s => new SkillLabel(s.Code, s.Name), ct);

        var start = TenantTime.ToInstant(from.ToDateTime(TimeOnly.MinValue), tenant.Zone, "from");
        var end = TenantTime.ToInstant(to.AddDays(1).ToDateTime(TimeOnly.MinValue), tenant.Zone, "to");
        var training = (await db.TrainingEnrollments.AsNoTracking()
            .Where(e => ids.Contains(e.VendorId) && e.Outcome != null && e.Session!.StartsAt >= start && e.Session.StartsAt < end)
            .GroupBy(e => new { e.VendorId, e.Outcome })
            .Select(g => new { g.Key.VendorId, g.Key.Outcome, Count = g.Count() })
            .ToListAsync(ct)).ToLookup(t => t.VendorId);

        return [.. vendors.Select(v =>
        {
            var vendorDays = days[v.Id].ToList();
            var priced = StatementCalculator.Calculate(from, to, tenant.Currency, [.. cards[v.Id].Select(PricedCard.Of)],
                vendorDays.Select(d => new DailyVolume(d.SkillId, d.Date, d.Handled)), skills, dailyLines: false);
            var contacts = vendorDays.Sum(d => d.Handled);
            var quality = QualityFigures.Of(vendorDays);
            var results = training[v.Id].Where(t => t.Outcome is TrainingOutcome.Passed or TrainingOutcome.Failed or TrainingOutcome.NoShow).ToList();
            var judged = results.Sum(r => r.Count);
            var passed = results.Where(r => r.Outcome == TrainingOutcome.Passed).Sum(r => r.Count);
            return new VendorScorecard(v.Id, v.Name, tenant.Currency, contacts, priced.Subtotal,
                contacts == 0 ? null : Math.Round(priced.Subtotal / contacts, 4, MidpointRounding.AwayFromZero),
                priced.Unpriced.Sum(u => u.Contacts), quality.AnswerRate, quality.AverageHandleSeconds, quality.ComplaintRate,
                judged == 0 ? null : Math.Round((decimal)passed / judged, 4, MidpointRounding.AwayFromZero), judged, null, null);
        })];
    }
}
