namespace VendorPortal.Web.Features.Billing;

public sealed record PricedCard(Guid Id, Guid? SkillId, DateOnly From, DateOnly? To, IReadOnlyList<RateTier> Tiers, decimal? MonthlyMinimum)
{
    public bool Covers(DateOnly day) => From <= day && (To is not { } to || day <= to);

    public static PricedCard Of(RateCard card) => new(card.Id, card.SkillId, card.EffectiveFrom, card.EffectiveTo, card.Tiers, card.MonthlyMinimum);
}

public sealed record DailyVolume(Guid SkillId, DateOnly Date, long Handled);

public sealed record SkillLabel(string Code, string Name);

public sealed record CalculatedLine(
    StatementLineKind Kind, string? SkillCode, string? SkillName, Guid? RateCardId, DateOnly From, DateOnly To,
    int? Tier, long TierFrom, long? TierTo, long Contacts, decimal UnitPrice, decimal Amount);

public sealed record UnpricedVolume(string SkillCode, DateOnly Date, long Contacts);

public sealed record Calculation(IReadOnlyList<CalculatedLine> Lines, IReadOnlyList<UnpricedVolume> Unpriced)
{
    public decimal Subtotal => Lines.Sum(l => l.Amount);
    public long Contacts => Lines.Sum(l => l.Contacts);
}

/// <summary>
/// Prices a vendor's contacts for one billing period. Pure arithmetic, no I/O, so it is tested on hand-computed cases.
/// Tiers are graduated over the whole period: the running count starts at zero on the first day and each day is priced
/// with the card in effect that day (a skill's own card before the vendor's all-skills card). A skill's own cards count
/// that skill's contacts; the all-skills cards count every contact they price, day by day in skill-code order. A line
/// gathers one skill, card and tier (and one day when daily lines are asked for); each line is rounded once.
/// A card's monthly minimum is pro rata for the days of each calendar month it covers inside the period; when the
/// card's lines fall short of it, a minimum line makes up the difference.
/// </summary>
public static class StatementCalculator
{
    private readonly record struct Key(string SkillCode, Guid CardId, int Tier, DateOnly Day);

    public static Calculation Calculate(
        DateOnly start, DateOnly end, string currency, IReadOnlyList<PricedCard> cards,
        IEnumerable<DailyVolume> volumes, IReadOnlyDictionary<Guid, SkillLabel> skills, bool dailyLines)
    {
        var buckets = new Dictionary<Key, (long Contacts, DateOnly From, DateOnly To, PricedCard Card, string Name)>();
        var unpriced = new List<UnpricedVolume>();
        // Tiers count what one card series prices: a skill's own cards count that skill, the all-skills cards count every skill they price.
        var counted = new Dictionary<Guid, long>();
        var days = volumes.Where(v => v.Date >= start && v.Date <= end && v.Handled > 0)
            .GroupBy(v => (v.Date, v.SkillId))
            .Select(g => (g.Key.Date, g.Key.SkillId, Label: skills.GetValueOrDefault(g.Key.SkillId) ?? new SkillLabel("?", "?"), Handled: g.Sum(v => v.Handled)))
            .OrderBy(d => d.Date).ThenBy(d => d.Label.Code, StringComparer.Ordinal);
        foreach (var (date, skillId, label, total) in days)
        {
            var handled = total;
            var card = cards.FirstOrDefault(c => c.SkillId == skillId && c.Covers(date))
                ?? cards.FirstOrDefault(c => c.SkillId is null && c.Covers(date));
            if (card is null || card.Tiers.Count == 0)
            {
                unpriced.Add(new UnpricedVolume(label.Code, date, handled));
                continue;
            }
            var series = card.SkillId ?? Guid.Empty;
            var count = counted.GetValueOrDefault(series);
            while (handled > 0)
            {
                var tier = 0;
                while (tier < card.Tiers.Count - 1 && card.Tiers[tier].UpTo is { } upTo && count >= upTo) tier++;
                var room = card.Tiers[tier].UpTo is { } limit && tier < card.Tiers.Count - 1 ? Math.Max(0, limit - count) : long.MaxValue;
                var take = Math.Min(handled, room);
                var key = new Key(label.Code, card.Id, tier, dailyLines ? date : default);
                buckets[key] = buckets.TryGetValue(key, out var b)
                    ? (b.Contacts + take, b.From, date, card, label.Name)
                    : (take, date, date, card, label.Name);
                count += take;
                handled -= take;
            }
            counted[series] = count;
        }

        var lines = buckets
            .OrderBy(b => b.Key.SkillCode, StringComparer.Ordinal).ThenBy(b => b.Value.Card.From).ThenBy(b => b.Key.Tier).ThenBy(b => b.Key.Day)
            .Select(b =>
            {
                var tiers = b.Value.Card.Tiers;
                var price = tiers[b.Key.Tier].UnitPrice;
                return new CalculatedLine(StatementLineKind.Usage, b.Key.SkillCode, b.Value.Name, b.Value.Card.Id, b.Value.From, b.Value.To,
                    b.Key.Tier + 1, b.Key.Tier == 0 ? 1 : (tiers[b.Key.Tier - 1].UpTo ?? 0) + 1,
                    b.Key.Tier == tiers.Count - 1 ? null : tiers[b.Key.Tier].UpTo,
                    b.Value.Contacts, price, Money.Round(b.Value.Contacts * price, currency));
            })
            .ToList();

        foreach (var card in cards.Where(c => c.MonthlyMinimum is > 0).OrderBy(c => c.From))
        {
            var from = card.From > start ? card.From : start;
            var to = card.To is { } cardTo && cardTo < end ? cardTo : end;
            if (from > to) continue;
            var due = Money.Round(ProRata(card.MonthlyMinimum!.Value, from, to), currency);
            var earned = lines.Where(l => l.RateCardId == card.Id).Sum(l => l.Amount);
            if (earned >= due) continue;
            var skill = card.SkillId is { } id ? skills.GetValueOrDefault(id) : null;
            lines.Add(new CalculatedLine(StatementLineKind.Minimum, skill?.Code, skill?.Name, card.Id, from, to,
                null, 0, null, 0, 0m, due - earned));
        }
        return new Calculation(lines, unpriced);
    }

    /// <summary>The minimum for the days from..to: each calendar month contributes its covered days over its length.</summary>
    public static decimal ProRata(decimal monthly, DateOnly from, DateOnly to)
    {
        decimal total = 0;
        for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
        {
            var monthEnd = month.AddMonths(1).AddDays(-1);
            var first = month > from ? month : from;
            var last = monthEnd < to ? monthEnd : to;
            var days = last.DayNumber - first.DayNumber + 1;
            var length = monthEnd.Day;
            total += days == length ? monthly : monthly * days / length;
        }
        return total;
    }
}
