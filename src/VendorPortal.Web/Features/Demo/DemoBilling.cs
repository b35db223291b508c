using VendorPortal.Web.Features.Billing;

namespace VendorPortal.Web.Features.Demo;

/// <summary>Demo billing: rate cards (one price change mid-month), two full months of daily volumes, and an issued statement.</summary>
public static class DemoBilling
{
    public sealed record Card(string Vendor, string? Skill, int FromMonthsAgo, int? EndsDayOfLastMonth, RateTier[] Tiers, decimal? Minimum, bool StartsMidLastMonth = false);

    public static async Task SeedAsync(IServiceProvider sp, IReadOnlyList<Card> cards, IReadOnlyList<(string Vendor, string Skill, int DailyContacts)> volumes,
        string? issueFor, CancellationToken ct)
    {
        var db = sp.GetRequiredService<AppDbContext>();
        if (await db.RateCards.AnyAsync(ct)) return;
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == db.Scope!.TenantId, ct);
        var today = DateOnly.FromDateTime(TenantTime.ToLocal(sp.GetRequiredService<TimeProvider>().GetUtcNow(), tenant.Zone).DateTime);
        var thisMonth = new DateOnly(today.Year, today.Month, 1);
        var lastMonth = thisMonth.AddMonths(-1);
        var vendors = await db.Vendors.ToDictionaryAsync(v => v.Name, v => v.Id, ct);

        var rateCards = sp.GetRequiredService<RateCardOperations>();
        foreach (var card in cards)
        {
            await rateCards.CreateAsync(new RateCardInput
            {
                VendorId = vendors[card.Vendor], Skill = card.Skill,
                EffectiveFrom = card.StartsMidLastMonth ? lastMonth.AddDays(14) : thisMonth.AddMonths(-card.FromMonthsAgo),
                EffectiveTo = card.EndsDayOfLastMonth is { } day ? lastMonth.AddDays(day - 1) : null,
                Tiers = [.. card.Tiers], MonthlyMinimum = card.Minimum,
            }, ct);
        }

        var rows = new List<(string, ContactVolumeInput)>();
        var n = 0;
        foreach (var (vendor, skill, daily) in volumes)
            for (var date = thisMonth.AddMonths(-2); date < thisMonth; date = date.AddDays(1), n++)
            {
                var weekend = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
                var handled = daily * (weekend ? 7 : 10) / 10 + (n * 37) % (daily / 5 + 1);
                var offered = handled + handled / 12 + n % 7;
                rows.Add(($"demo {n}", new ContactVolumeInput
                {
                    VendorId = vendors[vendor], Skill = skill, Date = date, Handled = handled, Offered = offered, Answered = handled,
                    AverageHandleSeconds = 240 + (n * 13) % 90, Complaints = handled / 400 + n % 3,
                }));
            }
        var stored = await sp.GetRequiredService<ContactVolumeOperations>().UpsertAsync(rows, dryRun: false, ct);
        if (!stored.Stored) throw new InvalidOperationException("Demo volumes were refused: " + string.Join("; ", stored.Errors.Select(e => e.Reason)));
        if (issueFor is null) return;

        var statements = sp.GetRequiredService<StatementOperations>();
        var draft = await statements.GenerateAsync(new StatementInput
        {
            VendorId = vendors[issueFor], Month = lastMonth.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), TaxRate = 0.06m,
            Adjustments = [new AdjustmentInput { Amount = -500m, Reason = "Service credit: chat queue outage on the 3rd / 3日在线排队故障补偿" }],
        }, ct);
        await statements.IssueAsync(draft.Id, draft.Total, ct);
    }
}
