using SkiaSharp;

namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// The statement PDF, drawn with SkiaSharp's PDF backend from a <see cref="StatementModel"/> built beforehand.
/// Composed like QuestPDF's example invoice: a header on every page, the content (first-page summary, the line
/// table with its header repeated after each page break, adjustments and totals) and a "page x of y" footer.
/// Pages are laid out first, so the page count is known before the first page is drawn.
/// </summary>
public sealed class StatementPdf : IDisposable
{
    private const float Width = 595, Height = 842, Margin = 40;
    private const float ContentTop = Margin + 34, ContentBottom = Height - Margin - 22;
    private const float RowHeight = 14, TableHeaderHeight = 20, FirstPageBlock = 178;
    private static readonly float[] Columns = [150, 120, 90, 55, 45, 55];
    private static readonly string[] Headings = ["Skill / 技能", "Period / 期间", "Tier / 阶梯", "Contacts", "Price", "Amount"];
    private static readonly bool[] RightAligned = [false, false, false, true, true, true];

    private static readonly Lazy<SKTypeface> Regular = new(() => Match(SKFontStyle.Normal));
    private static readonly Lazy<SKTypeface> Bold = new(() => Match(SKFontStyle.Bold));

    private readonly StatementModel model;
    private readonly Dictionary<(SKTypeface, float), SKFont> fonts = [];
    private readonly SKPaint ink = new() { Color = new SKColor(0x22, 0x22, 0x22), IsAntialias = true };
    private readonly SKPaint muted = new() { Color = new SKColor(0x66, 0x66, 0x66), IsAntialias = true };
    private readonly SKPaint rule = new() { Color = new SKColor(0xBB, 0xBB, 0xBB), StrokeWidth = 0.6f, IsStroke = true };
    private readonly SKPaint band = new() { Color = new SKColor(0xEE, 0xF2, 0xF7) };
    private readonly SKPaint alert = new() { Color = new SKColor(0xB0, 0x20, 0x20), IsAntialias = true };
    private readonly SKPaint watermark = new() { Color = new SKColor(0xC0, 0x30, 0x30, 0x38), IsAntialias = true };

    private sealed record Page(bool First, int LineStart, int LineCount, bool Closing);

    private StatementPdf(StatementModel model) => this.model = model;

    public static byte[] Render(StatementModel model)
    {
        using var pdf = new StatementPdf(model);
        return pdf.Draw();
    }

    public void Dispose()
    {
        foreach (var font in fonts.Values) font.Dispose();
        ink.Dispose();
        muted.Dispose();
        rule.Dispose();
        band.Dispose();
        watermark.Dispose();
        alert.Dispose();
    }

    private byte[] Draw()
    {
        var pages = Layout();
        using var stream = new MemoryStream();
        var metadata = new SKDocumentPdfMetadata
        {
            Title = $"Statement {model.Title} — {model.VendorName}",
            Author = model.TenantName,
            Creator = "VendorPortal",
            Producer = "VendorPortal",
            RasterDpi = 72,
        };
        using (var document = SKDocument.CreatePdf(stream, metadata))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var canvas = document.BeginPage(Width, Height);
                ComposeHeader(canvas);
                ComposeContent(canvas, pages[i]);
                ComposeFooter(canvas, i + 1, pages.Count);
                ComposeWatermark(canvas);
                document.EndPage();
            }
            document.Close();
        }
        return stream.ToArray();
    }

    private float ClosingHeight() =>
        16 + (model.Adjustments.Count > 0 ? 18 + model.Adjustments.Count * RowHeight + 6 : 0) + 4 * 16 + 8 + (model.VoidReason is null ? 0 : 30);

    private List<Page> Layout()
    {
        var pages = new List<Page>();
        var first = true;
        var next = 0;
        while (true)
        {
            var top = ContentTop + (first ? FirstPageBlock : 0);
            var room = ContentBottom - top;
            var lines = 0;
            if (next < model.Lines.Count)
            {
                lines = Math.Min(model.Lines.Count - next, Math.Max(0, (int)((room - TableHeaderHeight) / RowHeight)));
                room -= TableHeaderHeight + lines * RowHeight;
            }
            var done = next + lines >= model.Lines.Count;
            var closing = done && room >= ClosingHeight();
            pages.Add(new Page(first, next, lines, closing));
            next += lines;
            first = false;
            if (closing) return pages;
        }
    }

    private void ComposeWatermark(SKCanvas canvas)
    {
        var mark = model.Status switch
        {
            StatementStatus.Draft => "DRAFT",
            StatementStatus.Void => "VOID",
            _ => null,
        };
        if (mark is null) return;
        canvas.Save();
        canvas.Translate(Width / 2, Height / 2);
        canvas.RotateDegrees(-35);
        canvas.DrawText(mark, 0, 40, SKTextAlign.Center, Font(mark, 120, bold: true), watermark);
        canvas.Restore();
    }

    private void ComposeHeader(SKCanvas canvas)
    {
        Text(canvas, model.TenantName, Margin, Margin + 12, 11, ink, bold: true, maxWidth: 300);
        Text(canvas, $"Statement 结算单  {model.Title}", Width - Margin, Margin + 12, 11, ink, bold: true, align: SKTextAlign.Right);
        canvas.DrawLine(Margin, Margin + 22, Width - Margin, Margin + 22, rule);
    }

    private void ComposeContent(SKCanvas canvas, Page page)
    {
        var y = ContentTop;
        if (page.First)
        {
            ComposeParties(canvas, y);
            y += FirstPageBlock;
        }
        if (page.LineCount > 0)
        {
            y = ComposeTableHeader(canvas, y);
            for (var i = page.LineStart; i < page.LineStart + page.LineCount; i++)
            {
                y = ComposeLine(canvas, model.Lines[i], y, i % 2 == 1);
            }
        }
        if (page.Closing) ComposeClosing(canvas, y);
    }

    private void ComposeParties(SKCanvas canvas, float y)
    {
        Text(canvas, "Vendor / 供应商", Margin, y + 4, 8, muted);
        Text(canvas, model.VendorName, Margin, y + 20, 14, ink, bold: true, maxWidth: 330);
        Text(canvas, "Period / 结算期间", Margin, y + 40, 8, muted);
        Text(canvas, $"{model.PeriodStart} – {model.PeriodEnd}", Margin, y + 54, 10, ink);
        var status = model.Status switch
        {
            StatementStatus.Issued => $"Issued {model.IssuedOn}",
            StatementStatus.Void => $"VOID (issued {model.IssuedOn ?? "—"})",
            _ => $"Draft generated {model.GeneratedOn}",
        };
        Text(canvas, "Statement no. / 编号", Width - Margin - 170, y + 4, 8, muted);
        Text(canvas, model.Number ?? "— (draft)", Width - Margin - 170, y + 20, 12, ink, bold: true);
        Text(canvas, status, Width - Margin - 170, y + 36, 8.5f, muted, maxWidth: 170);
        Text(canvas, $"Currency / 币种: {model.Currency}", Width - Margin - 170, y + 50, 8.5f, muted);

        var boxTop = y + 68;
        canvas.DrawRect(Margin, boxTop, Width - 2 * Margin, 96, band);
        var cellWidth = (Width - 2 * Margin) / 3;
        for (var i = 0; i < model.Summary.Count && i < 6; i++)
        {
            var (label, value) = model.Summary[i];
            var x = Margin + 10 + i % 3 * cellWidth;
            var top = boxTop + 16 + i / 3 * 44;
            Text(canvas, label, x, top, 7.5f, muted, maxWidth: cellWidth - 14);
            Text(canvas, value, x, top + 18, 13, ink, bold: true, maxWidth: cellWidth - 14);
        }
    }

    private float ComposeTableHeader(SKCanvas canvas, float y)
    {
        canvas.DrawRect(Margin, y, Width - 2 * Margin, TableHeaderHeight - 4, band);
        Cells(canvas, Headings, y + 11, 8, bold: true);
        return y + TableHeaderHeight;
    }

    private float ComposeLine(SKCanvas canvas, StatementModelLine line, float y, bool shaded)
    {
        if (shaded) canvas.DrawRect(Margin, y - 1, Width - 2 * Margin, RowHeight, band);
        var skill = line.SkillName.Length == 0 ? line.Skill : $"{line.Skill} · {line.SkillName}";
        Cells(canvas, [skill, line.Period, line.Tier, line.Contacts, line.UnitPrice, line.Amount], y + 9, 8, bold: false);
        return y + RowHeight;
    }

    private void ComposeClosing(SKCanvas canvas, float y)
    {
        y += 16;
        var right = Width - Margin;
        if (model.Adjustments.Count > 0)
        {
            Text(canvas, "Adjustments / 调整", Margin, y, 9, ink, bold: true);
            y += 18;
            foreach (var a in model.Adjustments)
            {
                Text(canvas, a.Reason, Margin, y, 8.5f, ink, maxWidth: 400);
                Text(canvas, a.Amount, right, y, 8.5f, ink, align: SKTextAlign.Right);
                y += RowHeight;
            }
            y += 6;
        }
        canvas.DrawLine(right - 240, y - 10, right, y - 10, rule);
        (string Label, string Value, bool Strong)[] totals =
        [
            ("Subtotal / 小计", model.Subtotal, false),
            ("Adjustments / 调整", model.AdjustmentsTotal, false),
            (model.TaxLabel ?? "Tax / 税", model.Tax, false),
            ($"Total / 合计 ({model.Currency})", model.Total, true),
        ];
        foreach (var (label, value, strong) in totals)
        {
            Text(canvas, label, right - 240, y + 2, strong ? 10.5f : 9, strong ? ink : muted, bold: strong);
            Text(canvas, value, right, y + 2, strong ? 10.5f : 9, ink, bold: strong, align: SKTextAlign.Right);
            y += 16;
        }
        if (model.VoidReason is not null)
            Text(canvas, $"Voided: {model.VoidReason}", Margin, y + 16, 9, alert, bold: true, maxWidth: Width - 2 * Margin);
    }

    private void ComposeFooter(SKCanvas canvas, int page, int pages)
    {
        var y = Height - Margin;
        canvas.DrawLine(Margin, y - 12, Width - Margin, y - 12, rule);
        Text(canvas, $"{model.VendorName} · {model.PeriodStart} – {model.PeriodEnd} · {model.Title}", Margin, y, 7.5f, muted, maxWidth: 380);
        Text(canvas, string.Create(CultureInfo.InvariantCulture, $"Page {page} of {pages}"), Width - Margin, y, 7.5f, muted, align: SKTextAlign.Right);
    }

    private void Cells(SKCanvas canvas, IReadOnlyList<string> cells, float baseline, float size, bool bold)
    {
        var x = Margin;
        for (var i = 0; i < Columns.Length; i++)
        {
            var inner = Columns[i] - 8;
            if (RightAligned[i]) Text(canvas, cells[i], x + Columns[i] - 4, baseline, size, ink, bold, SKTextAlign.Right, inner);
            else Text(canvas, cells[i], x + 4, baseline, size, ink, bold, SKTextAlign.Left, inner);
            x += Columns[i];
        }
    }

    private void Text(SKCanvas canvas, string text, float x, float y, float size, SKPaint paint, bool bold = false,
        SKTextAlign align = SKTextAlign.Left, float maxWidth = 0)
    {
        if (text.Length == 0) return;
        var font = Font(text, size, bold);
        if (maxWidth > 0 && font.MeasureText(text) > maxWidth)
        {
            var cut = text.Length;
            while (cut > 1 && font.MeasureText(text.AsSpan(0, cut)) + font.MeasureText("…") > maxWidth) cut--;
            text = string.Concat(text.AsSpan(0, cut), "…");
        }
        canvas.DrawText(text, x, y, align, font, paint);
    }

    /// <summary>The CJK-capable face when it covers the text, else whatever installed face covers its first missing character.</summary>
    private SKFont Font(string text, float size, bool bold)
    {
        var face = bold ? Bold.Value : Regular.Value;
        var font = FontOf(face, size);
        if (font.ContainsGlyphs(text)) return font;
        foreach (var rune in text.EnumerateRunes())
        {
            if (font.ContainsGlyph(rune.Value)) continue;
            if (SKFontManager.Default.MatchCharacter(rune.Value) is { } fallback) return FontOf(fallback, size);
            break;
        }
        return font;
    }

    private SKFont FontOf(SKTypeface face, float size)
    {
        if (!fonts.TryGetValue((face, size), out var font))
            fonts[(face, size)] = font = new SKFont(face, size) { Subpixel = true };
        return font;
    }

    private static SKTypeface Match(SKFontStyle style) =>
        SKFontManager.Default.MatchFamily("Noto Sans CJK SC", style)
        ?? SKFontManager.Default.MatchCharacter("Noto Sans", ["zh-CN"], '中')
        ?? SKTypeface.Default;
}
