using System.Globalization;
using VendorPortal.Web.Features.Billing;

namespace VendorPortal.Tests.Billing;

/// <summary>The arithmetic on hand-computed cases, under cultures whose number formats trip naive code.</summary>
public sealed class StatementCalculatorTests
{
    private static readonly Guid Chat = Guid.NewGuid();
    private static readonly Dictionary<Guid, SkillLabel> Skills = new() { [Chat] = new SkillLabel("CHAT", "在线客服") };
    private static readonly DateOnly Jan1 = new(2026, 1, 1), Jan31 = new(2026, 1, 31);

    private static PricedCard Card(DateOnly from, DateOnly? to, decimal? minimum, params RateTier[] tiers) =>
        new(Guid.NewGuid(), Chat, from, to, tiers, minimum);

    private static IEnumerable<DailyVolume> Daily(int perDay, DateOnly from, DateOnly to)
    {
        for (var d = from; d <= to; d = d.AddDays(1)) yield return new DailyVolume(Chat, d, perDay);
    }

    public static TheoryData<string> Cultures => new() { "de-DE", "hu-HU", "tr-TR", "en-US" };

    private static void Under(string culture, Action test)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try { test(); }
        finally { (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi); }
    }

    [Theory, MemberData(nameof(Cultures))]
    public void Graduated_tiers_price_each_band_at_its_own_rate(string culture) => Under(culture, () =>
    {
        // 12,000 contacts: the first 10,000 at 0.50 = 5,000.00, the next 2,000 at 0.40 = 800.00.
        var card = Card(Jan1, null, null, new RateTier(10_000, 0.50m), new RateTier(null, 0.40m));
        var result = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [card],
            [new DailyVolume(Chat, Jan1, 6_000), new DailyVolume(Chat, new DateOnly(2026, 1, 2), 6_000)], Skills, dailyLines: false);
        Assert.Equal([(1, 10_000L, 5_000.00m), (2, 2_000L, 800.00m)], result.Lines.Select(l => (l.Tier!.Value, l.Contacts, l.Amount)));
        Assert.Equal(10_001, result.Lines[1].TierFrom);
        Assert.Null(result.Lines[1].TierTo);
        Assert.Equal(5_800.00m, result.Subtotal);
        Assert.Equal("5,800.00", Money.Format(result.Subtotal, "CNY"));
        Assert.Equal("5800.00", Money.Plain(result.Subtotal, "CNY"));
    });

    [Theory, MemberData(nameof(Cultures))]
    public void A_shortfall_below_the_monthly_minimum_is_made_up_by_a_minimum_line(string culture) => Under(culture, () =>
    {
        // 1,000 × 1.2345 = 1,234.50; the minimum of 10,000.00 adds 8,765.50.
        var card = Card(Jan1, null, 10_000m, new RateTier(null, 1.2345m));
        var result = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [card], [new DailyVolume(Chat, Jan1, 1_000)], Skills, false);
        Assert.Equal([1_234.50m, 8_765.50m], result.Lines.Select(l => l.Amount));
        Assert.Equal(StatementLineKind.Minimum, result.Lines[1].Kind);
        Assert.Equal(10_000.00m, result.Subtotal);

        // Above the minimum nothing is added.
        var busy = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [card], [new DailyVolume(Chat, Jan1, 9_000)], Skills, false);
        Assert.Equal([11_110.50m], busy.Lines.Select(l => l.Amount));
    });

    [Fact]
    public void A_card_that_starts_mid_month_owes_its_minimum_pro_rata()
    {
        // 16 of January's 31 days: 10,000 × 16 / 31 = 5,161.2903… → 5,161.29.
        var card = Card(new DateOnly(2026, 1, 16), null, 10_000m, new RateTier(null, 1m));
        var result = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [card], [], Skills, false);
        Assert.Equal(5_161.29m, result.Lines.Single().Amount);
        Assert.Equal(new DateOnly(2026, 1, 16), result.Lines.Single().From);
    }

    [Theory, MemberData(nameof(Cultures))]
    public void A_rate_change_mid_month_splits_lines_and_the_tier_count_runs_on(string culture) => Under(culture, () =>
    {
        // 100 a day. Card A (1-15 Jan): first 1,000 at 1.00, then 0.80. Card B (from 16 Jan): 0.90, then 0.70.
        // 1-10 Jan: 1,000 × 1.00 = 1,000.00; 11-15 Jan: 500 × 0.80 = 400.00; 16-31 Jan: 1,600 × 0.70 = 1,120.00 (already past 1,000).
        var a = Card(Jan1, new DateOnly(2026, 1, 15), null, new RateTier(1_000, 1.00m), new RateTier(null, 0.80m));
        var b = Card(new DateOnly(2026, 1, 16), null, null, new RateTier(1_000, 0.90m), new RateTier(null, 0.70m));
        var result = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [b, a], Daily(100, Jan1, Jan31), Skills, false);
        Assert.Equal(
            [(a.Id, 1, 1_000L, 1_000.00m, "2026-01-01", "2026-01-10"), (a.Id, 2, 500L, 400.00m, "2026-01-11", "2026-01-15"), (b.Id, 2, 1_600L, 1_120.00m, "2026-01-16", "2026-01-31")],
            result.Lines.Select(l => (l.RateCardId!.Value, l.Tier!.Value, l.Contacts, l.Amount, StatementOperations.Iso(l.From), StatementOperations.Iso(l.To))));
        Assert.Equal(2_520.00m, result.Subtotal);
        var daily = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [b, a], Daily(100, Jan1, Jan31), Skills, true);
        Assert.Equal(31, daily.Lines.Count);
        Assert.Equal(2_520.00m, daily.Subtotal);
    });

    [Theory, MemberData(nameof(Cultures))]
    public void Money_rounds_half_away_from_zero_to_the_currencys_minor_unit(string culture) => Under(culture, () =>
    {
        Assert.Equal(0.13m, Money.Round(0.125m, "CNY"));
        Assert.Equal(-0.13m, Money.Round(-0.125m, "CNY"));
        Assert.Equal(2.51m, Money.Round(2.505m, "GBP"));
        Assert.Equal(3m, Money.Round(2.5m, "JPY"));
        Assert.Equal(1.235m, Money.Round(1.2345m, "KWD"));
        // Once per line: 3 contacts × 0.835 = 2.505 → 2.51 on the line, never 3 × 0.84 = 2.52 or 2.50.
        var card = Card(Jan1, null, null, new RateTier(null, 0.835m));
        var line = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [card], [new DailyVolume(Chat, Jan1, 3)], Skills, false).Lines.Single();
        Assert.Equal(2.51m, line.Amount);
        Assert.Equal("1,234,567.89", Money.Format(Money.Round(1_234_567.885m, "CNY"), "CNY"));
        Assert.Equal("1,234,568", Money.Format(Money.Round(1_234_567.5m, "JPY"), "JPY"));
    });

    [Fact]
    public void An_all_skills_card_counts_its_tiers_over_every_skill_it_prices()
    {
        // Day 1: CHAT 600 then VOICE 600 (code order): 1,000 at 1.00 and 200 at 0.50. A skill's own card counts alone.
        var voice = Guid.NewGuid();
        var email = Guid.NewGuid();
        var skills = new Dictionary<Guid, SkillLabel>(Skills) { [voice] = new("VOICE", "Voice"), [email] = new("EMAIL", "E-mail") };
        var all = new PricedCard(Guid.NewGuid(), null, Jan1, null, [new RateTier(1_000, 1.00m), new RateTier(null, 0.50m)], null);
        var own = new PricedCard(Guid.NewGuid(), email, Jan1, null, [new RateTier(1_000, 2.00m), new RateTier(null, 1.00m)], null);
        var result = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [all, own],
            [new DailyVolume(voice, Jan1, 600), new DailyVolume(Chat, Jan1, 600), new DailyVolume(email, Jan1, 900)], skills, false);
        Assert.Equal(
            [("CHAT", 1, 600L, 600.00m), ("EMAIL", 1, 900L, 1_800.00m), ("VOICE", 1, 400L, 400.00m), ("VOICE", 2, 200L, 100.00m)],
            result.Lines.Select(l => (l.SkillCode!, l.Tier!.Value, l.Contacts, l.Amount)));
    }

    [Fact]
    public void Contacts_without_a_card_are_reported_not_dropped()
    {
        var card = Card(new DateOnly(2026, 1, 10), null, null, new RateTier(null, 1m));
        var result = StatementCalculator.Calculate(Jan1, Jan31, "CNY", [card], Daily(5, Jan1, new DateOnly(2026, 1, 12)), Skills, false);
        Assert.Equal(9, result.Unpriced.Count);
        Assert.Equal(15, result.Contacts);
    }
}
