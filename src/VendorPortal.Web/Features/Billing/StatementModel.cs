
namespace VendorPortal.Web.Features.Billing;

public sealed record StatementModelLine(string Skill, string SkillName, string Period, string Tier, string Contacts, string UnitPrice, string Amount,
    long ContactCount, decimal UnitPriceValue, decimal AmountValue, string From, string To, string Kind, int? TierNumber);

public sealed record StatementModelAdjustment(string Reason, string Amount, decimal AmountValue);

/// <summary>
/// Everything the PDF and the CSV show, formatted once and culture-free, built before any drawing starts
/// (the InvoiceModel of QuestPDF's example invoice).
/// </summary>
public sealed record StatementModel(
    string TenantName, string VendorName, string? Number, StatementStatus Status, string PeriodStart, string PeriodEnd, string Currency,
    string? IssuedOn, string GeneratedOn, string? VoidReason,
    IReadOnlyList<(string Label, string Value)> Summary,
    IReadOnlyList<StatementModelLine> Lines, IReadOnlyList<StatementModelAdjustment> Adjustments,
    string Subtotal, string AdjustmentsTotal, string? TaxLabel, string Tax, string Total, decimal TotalValue, decimal SubtotalValue,
    decimal AdjustmentsValue, decimal TaxValue, decimal? TaxRate, long Contacts)
{
    public string Title => Number is null ? "DRAFT" : Number;

    /// <summary>When the statement last changed (voided, issued or generated): the PDF's creation and modification date.</summary>
    public DateTimeOffset? Stamped { get; init; }

    public static StatementModel From(Statement s, TimeZoneInfo zone)
    {
        var c = s.Currency;
        var quality = StatementOperations.Quality(s);
        var summary = new List<(string, string)>
        {
            ("Contacts handled / 处理量", Money.Count(s.Contacts)),
            ($"Total / 合计 ({c})", Money.Format(s.Total, c)),
            ($"Cost per contact (net) / 单次成本 ({c})",
                StatementOperations.CostPerContact(s) is { } cpc ? cpc.ToString("0.0000", CultureInfo.InvariantCulture) : "—"),
        };
        if (quality.AnswerRate is { } answer) summary.Add(("Answer rate / 接通率", Percent(answer)));
        if (quality.AverageHandleSeconds is { } aht) summary.Add(("Average handle time / 平均处理时长", aht.ToString("0.0", CultureInfo.InvariantCulture) + " s"));
        if (quality.ComplaintRate is { } complaints) summary.Add(("Complaints per 1,000 contacts / 千次投诉", (complaints * 1000).ToString("0.00", CultureInfo.InvariantCulture)));

        var lines = s.Lines.OrderBy(l => l.Position).Select(l =>
        {
            var period = l.From == l.To ? StatementOperations.Iso(l.From) : $"{StatementOperations.Iso(l.From)} – {StatementOperations.Iso(l.To)}";
            var tier = l.Kind == StatementLineKind.Minimum ? "Minimum charge"
                : l.TierTo is { } upTo ? $"{l.Tier}: {Money.Count(l.TierFrom)}–{Money.Count(upTo)}" : $"{l.Tier}: {Money.Count(l.TierFrom)}+";
            return new StatementModelLine(l.SkillCode ?? "All skills", l.SkillName ?? "", period, tier,
                l.Kind == StatementLineKind.Minimum ? "" : Money.Count(l.Contacts),
                l.Kind == StatementLineKind.Minimum ? "" : Money.Price(l.UnitPrice), Money.Format(l.Amount, c),
                l.Contacts, l.UnitPrice, l.Amount, StatementOperations.Iso(l.From), StatementOperations.Iso(l.To),
                l.Kind.ToString().ToLowerInvariant(), l.Tier);
        }).ToList();
        var adjustments = s.Adjustments.OrderBy(a => a.Position)
            .Select(a => new StatementModelAdjustment(a.Reason, Money.Format(a.Amount, c), a.Amount)).ToList();
        return new StatementModel(
            s.TenantName, s.VendorName, s.Number, s.Status, StatementOperations.Iso(s.PeriodStart), StatementOperations.Iso(s.PeriodEnd), c,
            s.IssuedAt is { } issued ? TenantTime.ToLocal(issued, zone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null,
            TenantTime.ToLocal(s.GeneratedAt, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), s.VoidReason,
            summary, lines, adjustments,
            Money.Format(s.Subtotal, c), Money.Format(s.AdjustmentsTotal, c),
            s.TaxRate is { } rate ? $"Tax / 税 ({Percent(rate)})" : null, Money.Format(s.TaxAmount, c), Money.Format(s.Total, c),
            s.Total, s.Subtotal, s.AdjustmentsTotal, s.TaxAmount, s.TaxRate, s.Contacts)
        {
            Stamped = s.VoidedAt ?? s.IssuedAt ?? s.GeneratedAt,
        };
    }

    private static string Percent(decimal fraction) => (fraction * 100).ToString("0.##", CultureInfo.InvariantCulture) + " %";
}

/// <summary>
/// The CSV export: the same numbers as the PDF, plain (invariant, no grouping), one line per statement line, written by
/// <see cref="CsvExport"/> (amounts as numbers, names neutralised). Its bytes, byte order mark included, are what the
/// issued statement's content hash covers.
/// </summary>
public static class StatementCsv
{
    public static byte[] Write(StatementModel m)
    {
        var c = m.Currency;
        var money = "F" + Money.Decimals(c).ToString(CultureInfo.InvariantCulture);
        return CsvExport.ToBytes(csv =>
        {
            void Text(params string?[] cells)
            {
                foreach (var cell in cells) csv.WriteField(cell ?? "");
            }
            void Total(string kind, string? note, long? contacts, decimal amount)
            {
                Text(kind, "", note, "", "", "");
                if (contacts is { } n) csv.WriteField(n); else csv.WriteField("");
                csv.WriteField("");
                csv.WriteField(amount, money);
                csv.EndRecord();
            }
            Text("statement", m.Number ?? "draft", "tenant", m.TenantName, "vendor", m.VendorName, "from", m.PeriodStart, "to", m.PeriodEnd, "currency", c);
            csv.EndRecord();
            Text("kind", "skill", "skillName", "from", "to", "tier", "contacts", "unitPrice", "amount");
            csv.EndRecord();
            foreach (var l in m.Lines)
            {
                Text(l.Kind, l.Skill, l.SkillName, l.From, l.To);
                if (l.TierNumber is { } tier) csv.WriteField(tier); else csv.WriteField("");
                csv.WriteField(l.ContactCount);
                csv.WriteField(l.UnitPriceValue, "0.0000");
                csv.WriteField(l.AmountValue, money);
                csv.EndRecord();
            }
            foreach (var a in m.Adjustments)
            {
                Text("adjustment", "", a.Reason, "", "", "", "", "");
                csv.WriteField(a.AmountValue, money);
                csv.EndRecord();
            }
            Total("subtotal", "", m.Contacts, m.SubtotalValue);
            Total("adjustments", "", null, m.AdjustmentsValue);
            Total("tax", m.TaxRate?.ToString("0.######", CultureInfo.InvariantCulture), null, m.TaxValue);
            Total("total", "", null, m.TotalValue);
        });
    }
}
