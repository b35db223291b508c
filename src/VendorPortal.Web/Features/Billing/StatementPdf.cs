using System.Text;
using SkiaSharp;
using SkiaSharp.HarfBuzz;

namespace VendorPortal.Web.Features.Billing;

/// <summary>
/// The statement PDF, drawn with SkiaSharp's PDF backend from a <see cref="StatementModel"/> built beforehand.
/// Composed like QuestPDF's example invoice: a header on every page, the content (first-page summary, the line
/// table with its header repeated after each page break, adjustments and totals) and an "x / y" page footer.
/// Pages are laid out first, so the page count is known before the first page is drawn. Text is shaped by HarfBuzz
/// and drawn in vendored TrueType faces cut to the document's characters (README: "Statement PDF").
/// </summary>
public sealed class StatementPdf : IDisposable
{
    private const float Width = 595, Height = 842, Margin = 40;
    private const float ContentTop = Margin + 34, ContentBottom = Height - Margin - 22;
    private const float RowHeight = 14, TableHeaderHeight = 20, FirstPageBlock = 178;
    private static readonly float[] Columns = [150, 120, 90, 55, 45, 55];
    private static readonly string[] Headings = ["Skill / 技能", "Period / 期间", "Tier / 阶梯", "Contacts", "Price", "Amount"];
    private static readonly bool[] RightAligned = [false, false, false, true, true, true];

    // TrueType-outline faces only: Skia embeds those as Type 0/CIDFontType2 fonts, while CFF faces (Noto Sans CJK)
    // come out as Type 3 fonts that extract badly. All three ship in the assembly, so no PDF depends on the host's fonts.
    private static readonly Lazy<Face> Latin = new(() => new Face("DejaVuSans.ttf"));
    private static readonly Lazy<Face> LatinBold = new(() => new Face("DejaVuSans-Bold.ttf"));
    private static readonly Lazy<Face> Cjk = new(() => new Face("DroidSansFallbackFull.ttf"));

    private readonly StatementModel model;
    private readonly Dictionary<(SKTypeface, float), SKFont> fonts = [];
    private Dictionary<Face, SortedSet<int>>? used = [];
    private readonly Dictionary<Face, Cut> cuts = [];
    private readonly Dictionary<(string, float, bool), List<ShapedRun>> shapedCache = [];
    private readonly HarfBuzzSharp.Buffer buffer = new();
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

    /// <summary>The pages <see cref="Render"/> draws for the model (the benchmark sizes its statement with it).</summary>
    public static int PageCount(StatementModel model)
    {
        using var pdf = new StatementPdf(model);
        return pdf.Layout().Count;
    }

    public void Dispose()
    {
        foreach (var font in fonts.Values) font.Dispose();
        foreach (var cut in cuts.Values) cut.Dispose();
        buffer.Dispose();
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
            Subject = $"Statement / 结算单 {model.Title}: {model.VendorName}, {model.PeriodStart} – {model.PeriodEnd}, {model.Currency}",
            Keywords = "statement; 结算单; zh-CN; en",
            Creator = "VendorPortal",
            Producer = "VendorPortal (SkiaSharp PDF)",
            // The statement's own time (generated, issued or voided, all from the injected TimeProvider), never the machine's.
            Creation = model.Stamped?.UtcDateTime,
            Modified = model.Stamped?.UtcDateTime,
            // PDF/A-2b: XMP metadata, an sRGB output intent and every font embedded (README: "Statement PDF").
            PdfA = true,
            RasterDpi = 72,
        };
        // First pass on a canvas that draws nothing: which characters each face must carry. Then every face is cut to
        // those (FontSubset), and the second pass draws with the cuts.
        using (var counting = new SKNoDrawCanvas((int)Width, (int)Height))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                ComposeHeader(counting);
                ComposeContent(counting, pages[i]);
                ComposeFooter(counting, i + 1, pages.Count);
                ComposeWatermark(counting);
            }
        }
        foreach (var (face, codePoints) in used ?? []) cuts[face] = new Cut(face.Subsetter.Cut(codePoints));
        used = null;
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
        Text(canvas, mark, 0, 40, 120, watermark, bold: true, align: SKTextAlign.Center);
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
        Text(canvas, string.Create(CultureInfo.InvariantCulture, $"{page} / {pages}"), Width - Margin, y, 7.5f, muted, align: SKTextAlign.Right);
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

    /// <summary>
    /// Draws one line of text: split into runs by the face that covers each character (DejaVu Sans for Latin, Droid
    /// Sans Fallback for Chinese), each run shaped by HarfBuzz (kerning, CJK), and laid into one text blob that keeps
    /// the UTF-8 text and HarfBuzz's clusters, so Skia writes ToUnicode maps that give back exactly the characters drawn.
    /// </summary>
    private void Text(SKCanvas canvas, string text, float x, float y, float size, SKPaint paint, bool bold = false,
        SKTextAlign align = SKTextAlign.Left, float maxWidth = 0)
    {
        if (text.Length == 0) return;
        if (used is not null)
        {
            foreach (var (face, start, length) in Split(text, bold))
            {
                if (!used.TryGetValue(face, out var set)) used[face] = set = [];
                for (var i = start; i < start + length; i += char.IsSurrogatePair(text, i) ? 2 : 1) set.Add(char.ConvertToUtf32(text, i));
            }
            if (maxWidth > 0)
            {
                var latin = bold ? LatinBold.Value : Latin.Value;
                if (!used.TryGetValue(latin, out var set)) used[latin] = set = [];
                set.Add('…');
            }
            return;
        }
        var runs = Shape(text, size, bold);
        if (maxWidth > 0 && RunsWidth(runs) > maxWidth)
        {
            var cut = text.Length;
            do
            {
                cut--;
                if (cut > 0 && char.IsLowSurrogate(text[cut])) cut--;
                runs = Shape(string.Concat(text.AsSpan(0, cut), "…"), size, bold);
            }
            while (cut > 1 && RunsWidth(runs) > maxWidth);
        }
        var width = RunsWidth(runs);
        var left = align switch { SKTextAlign.Right => x - width, SKTextAlign.Center => x - width / 2, _ => x };
        using var builder = new SKTextBlobBuilder();
        foreach (var run in runs)
        {
            var buffer = builder.AllocatePositionedTextRun(run.Font, run.Glyphs.Length, run.Utf8.Length);
            var glyphs = buffer.Glyphs;
            var points = buffer.Positions;
            var clusters = buffer.Clusters;
            for (var i = 0; i < run.Glyphs.Length; i++)
            {
                glyphs[i] = run.Glyphs[i];
                points[i] = new SKPoint(left + run.Offset + run.Points[i].X, y + run.Points[i].Y);
                clusters[i] = run.Clusters[i];
            }
            run.Utf8.CopyTo(buffer.Text);
        }
        using var blob = builder.Build();
        if (blob is not null) canvas.DrawText(blob, 0, 0, paint);
    }

    private sealed record ShapedRun(SKFont Font, ushort[] Glyphs, SKPoint[] Points, uint[] Clusters, byte[] Utf8, float Offset, float Advance);

    private static float RunsWidth(List<ShapedRun> runs) => runs.Count == 0 ? 0 : runs[^1].Offset + runs[^1].Advance;

    /// <summary>Shaped once per document: a statement repeats its dates, tiers, prices and labels on every page.</summary>
    private List<ShapedRun> Shape(string text, float size, bool bold)
    {
        if (!shapedCache.TryGetValue((text, size, bold), out var runs))
            shapedCache[(text, size, bold)] = runs = ShapeNew(text, size, bold);
        return runs;
    }

    private List<ShapedRun> ShapeNew(string text, float size, bool bold)
    {
        var runs = new List<ShapedRun>();
        var offset = 0f;
        foreach (var (face, start, length) in Split(text, bold))
        {
            var utf8 = Encoding.UTF8.GetBytes(text.Substring(start, length));
            var cut = cuts[face];
            var font = FontOf(cut.Typeface, size);
            buffer.ClearContents();
            buffer.AddUtf8(utf8);
            buffer.GuessSegmentProperties();
            var shaped = cut.Shaper.Shape(buffer, 0, 0, font);
            var glyphs = Array.ConvertAll(shaped.Codepoints, g => (ushort)g);
            runs.Add(new ShapedRun(font, glyphs, shaped.Points, shaped.Clusters, utf8, offset, shaped.Width));
            offset += shaped.Width;
        }
        return runs;
    }

    /// <summary>Runs of one face: the Latin face (regular or bold) where it has the glyph, else the Chinese face; spaces stay with the run they sit in.</summary>
    private static IEnumerable<(Face Face, int Start, int Length)> Split(string text, bool bold)
    {
        var latin = bold ? LatinBold.Value : Latin.Value;
        var cjk = Cjk.Value;
        Face? current = null;
        var start = 0;
        for (var i = 0; i < text.Length; i += char.IsSurrogatePair(text, i) ? 2 : 1)
        {
            var rune = char.ConvertToUtf32(text, i);
            Face face = rune == ' ' && current is not null ? current
                : latin.Covers(rune) ? latin : cjk.Covers(rune) ? cjk : latin;
            if (current is null) current = face;
            else if (!ReferenceEquals(face, current))
            {
                yield return (current, start, i - start);
                current = face;
                start = i;
            }
        }
        if (current is not null) yield return (current, start, text.Length - start);
    }

    private SKFont FontOf(SKTypeface typeface, float size)
    {
        if (!fonts.TryGetValue((typeface, size), out var font))
            fonts[(typeface, size)] = font = new SKFont(typeface, size) { Subpixel = true };
        return font;
    }

    /// <summary>One document's subset of a face and its HarfBuzz shaper.</summary>
    private sealed class Cut(SKTypeface typeface) : IDisposable
    {
        public SKTypeface Typeface { get; } = typeface;
        public SKShaper Shaper { get; } = new(typeface);

        public void Dispose()
        {
            Shaper.Dispose();
            Typeface.Dispose();
        }
    }

    /// <summary>A vendored font (Fonts/, embedded in the assembly), loaded once per process: its coverage and its subsetter.</summary>
    private sealed class Face
    {
        private readonly SKFont probe;

        public Face(string file)
        {
            using var stream = typeof(Face).Assembly.GetManifestResourceStream($"VendorPortal.Web.Fonts.{file}")
                ?? throw new InvalidOperationException($"The font {file} is not embedded.");
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var font = bytes.ToArray();
            using var data = SKData.CreateCopy(font);
            probe = new SKFont(SKTypeface.FromData(data) ?? throw new InvalidOperationException($"The font {file} does not load."));
            Subsetter = new FontSubset(font);
        }

        public FontSubset Subsetter { get; }

        public bool Covers(int rune) => probe.ContainsGlyph(rune);
    }
}
