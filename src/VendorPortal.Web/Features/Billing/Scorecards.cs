using VendorPortal.Web.Features.Shifts;
using VendorPortal.Web.Features.Training;

namespace VendorPortal.Web.Features.Billing;

public sealed record VendorScorecard(
    Guid VendorId, string VendorName, string Currency, long Contacts, decimal Cost, decimal? CostPerContact, long UnpricedContacts,
    decimal? AnswerRate, decimal? AverageHandleSeconds, decimal? ComplaintRate, decimal? TrainingPassRate, int TrainingResults,
    decimal? ConfirmationRate, int ConfirmationDecisions, decimal? NoShowRate, int AttendanceRecords);

/// <summary>
/// Per vendor, efficiency beside quality for a range of local dates. Cost is the range's volumes priced at the
/// rate cards as one billing period (tiers counted from the first day, monthly minimums pro rata), before
/// adjustments and tax. Over the shifts starting in the range (cancelled ones left out): the confirmation rate is
/// confirmed / (confirmed + declined) assignments, undecided ones not counted; the no-show rate is no-shows / recorded
/// attendance. A rate with nothing to count is null.
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
        var assignments = (await db.Assignments.AsNoTracking()
            .Where(a => ids.Contains(a.VendorId) && a.Shift!.Status == ShiftStatus.Scheduled && a.Shift.StartsAt >= start && a.Shift.StartsAt < end
                && (a.Status == AssignmentStatus.Confirmed || a.Status == AssignmentStatus.Declined))
            .GroupBy(a => new { a.VendorId, a.Status, a.Attended })
            .Select(g => new { g.Key.VendorId, g.Key.Status, g.Key.Attended, Count = g.Count() })
            .ToListAsync(ct)).ToLookup(a => a.VendorId);

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
            var decisions = assignments[v.Id].ToList();
            var confirmed = decisions.Where(a => a.Status == AssignmentStatus.Confirmed).Sum(a => a.Count);
            var decided = decisions.Sum(a => a.Count);
            var noShows = decisions.Where(a => a.Status == AssignmentStatus.Confirmed && a.Attended == false).Sum(a => a.Count);
            var recorded = decisions.Where(a => a.Status == AssignmentStatus.Confirmed && a.Attended != null).Sum(a => a.Count);
            return new VendorScorecard(v.Id, v.Name, tenant.Currency, contacts, priced.Subtotal,
                contacts == 0 ? null : Math.Round(priced.Subtotal / contacts, 4, MidpointRounding.AwayFromZero),
                priced.Unpriced.Sum(u => u.Contacts), quality.AnswerRate, quality.AverageHandleSeconds, quality.ComplaintRate,
                Rate(passed, judged), judged, Rate(confirmed, decided), decided, Rate(noShows, recorded), recorded);
        })];
    }

    private static decimal? Rate(int count, int of) => of == 0 ? null : Math.Round((decimal)count / of, 4, MidpointRounding.AwayFromZero);
}
