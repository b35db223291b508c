using System.Diagnostics;
using System.Globalization;
using VendorPortal.Web.Features.Billing;

namespace VendorPortal.Bench;

/// <summary>
/// The statement PDF (issue 16): a 41-page statement (daily lines of a bilingual vendor, the header repeated on every
/// page) rendered repeatedly, then a one-page statement. Prints pages per second, bytes per page and one-page
/// statements per second, each the best of three timed rounds after a warm-up. Usage: VendorPortal.Bench statement-pdf [seconds per round]
/// </summary>
public static class StatementPdfBench
{
    public static int Run(string[] args)
    {
        var seconds = args.Length > 0 ? double.Parse(args[0], CultureInfo.InvariantCulture) : 2;
        var lines = 1;
        while (StatementPdf.PageCount(Model(lines)) < 41) lines += 10;
        while (StatementPdf.PageCount(Model(lines)) > 41) lines--;
        var big = Model(lines);
        var one = Model(12);
        var bigPdf = StatementPdf.Render(big);
        var onePdf = StatementPdf.Render(one);
        var pages = StatementPdf.PageCount(big);

        var bigRate = Rate(big, seconds);
        var oneRate = Rate(one, seconds);
        string F(double v) => v.ToString("0", CultureInfo.InvariantCulture);
        Console.WriteLine($"{$"statement PDF, {pages} pages ({lines} lines)",-42} {F(bigRate * pages),10} pages/s (target: at least 500)");
        Console.WriteLine($"{"  size per page",-42} {F(bigPdf.Length / (double)pages / 1024),10} KB     ({bigPdf.Length / 1024:N0} KB in all)");
        Console.WriteLine($"{"one-page statement",-42} {F(oneRate),10} /s      ({onePdf.Length / 1024.0:0.0} KB; target: under 60 KB)");
        if (Environment.GetEnvironmentVariable("STATEMENT_PDF_OUT") is { Length: > 0 } dir)
        {
            File.WriteAllBytes(Path.Combine(dir, "statement-41.pdf"), bigPdf);
            File.WriteAllBytes(Path.Combine(dir, "statement-1.pdf"), onePdf);
        }
        return 0;
    }

    private static double Rate(StatementModel model, double seconds)
    {
        StatementPdf.Render(model); // warm-up
        var best = 0.0;
        for (var round = 0; round < 3; round++)
        {
            var watch = Stopwatch.StartNew();
            var count = 0;
            while (watch.Elapsed.TotalSeconds < seconds)
            {
                StatementPdf.Render(model);
                count++;
            }
            best = Math.Max(best, count / watch.Elapsed.TotalSeconds);
        }
        return best;
    }

    private static StatementModel Model(int lineCount)
    {
        string[] skills = ["PRESALES", "HOTLINE", "AFTERSALES"];
        string[] names = ["售前咨询", "热线服务", "售后支持"];
        var lines = Enumerable.Range(0, lineCount).Select(i =>
        {
            var day = new DateOnly(2026, 1, 1).AddDays(i / 3 % 31).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var contacts = 90 + i % 37;
            var amount = contacts * 0.7125m;
            return new StatementModelLine(skills[i % 3], names[i % 3], day, "Tier 1: 0–1,000", contacts.ToString("N0", CultureInfo.InvariantCulture),
                "0.7125", amount.ToString("N2", CultureInfo.InvariantCulture), contacts, 0.7125m, amount, day, day, "tier", 1);
        }).ToList();
        var subtotal = lines.Sum(l => l.AmountValue);
        var tax = Math.Round(subtotal * 0.06m, 2);
        string M(decimal v) => v.ToString("N2", CultureInfo.InvariantCulture);
        return new StatementModel("Demo Contact Centre", "上海云联客服", "2026-000042", StatementStatus.Issued, "2026-01-01", "2026-01-31", "CNY",
            "2026-02-02", "2026-02-02 09:30", null,
            [("Contacts handled / 处理量", lines.Sum(l => l.ContactCount).ToString("N0", CultureInfo.InvariantCulture)),
             ("Total / 合计 (CNY)", M(subtotal + tax)), ("Cost per contact (net) / 单次成本 (CNY)", "0.7125"),
             ("Answer rate / 接通率", "90.91 %"), ("Average handle time / 平均处理时长", "300.0 s"), ("Complaints per 1,000 contacts / 千次投诉", "10.00")],
            lines, [new StatementModelAdjustment("Late report credit / 迟交报告抵扣", M(-20.5m), -20.5m)],
            M(subtotal), M(-20.5m), "Tax / 税 (6 %)", M(tax), M(subtotal - 20.5m + tax), subtotal - 20.5m + tax, subtotal, -20.5m, tax, 0.06m,
            lines.Sum(l => l.ContactCount)) { Stamped = new DateTimeOffset(2026, 2, 2, 1, 30, 0, TimeSpan.Zero) };
    }
}
