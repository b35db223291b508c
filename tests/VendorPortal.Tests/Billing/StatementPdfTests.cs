using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using UglyToad.PdfPig;
using static VendorPortal.Tests.Billing.BillingSetup;

namespace VendorPortal.Tests.Billing;

/// <summary>
/// The statement PDF as an archive copy (issue 16): the text read back (PdfPig, as pdftotext would) is exactly the
/// words drawn in both scripts, every font is an embedded TrueType subset (never Type 3), the metadata is filled in
/// and a one-page statement stays small.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class StatementPdfTests(AppFactory app)
{
    private async Task<(JsonObject Statement, byte[] Pdf)> IssuedAsync(HttpClient finance, string vendorName)
    {
        var vendor = await app.NewVendorAsync(vendorName);
        await finance.CardAsync(vendor, "PRESALES", "2026-01-01", null, [Tier(1_000, 1.00m), Tier(null, 0.7125m)]);
        await finance.VolumesAsync([.. Enumerable.Range(1, 31).Select(d =>
            Volume(vendor, "PRESALES", $"2026-01-{d:00}", 100, offered: 110, answered: 100, aht: 300, complaints: 1))]);
        using var draft = await finance.SendAsync(ApiRoutes.Demo.Statements.Generate, new
        {
            vendorId = vendor, month = "2026-01", taxRate = 0.06m, adjustments = new[] { new { amount = -20.5m, reason = "Late report credit 迟交报告" } },
        });
        await draft.ShouldBe(HttpStatusCode.Created);
        var detail = await draft.ReadObjectAsync();
        using var issue = await finance.SendAsync(ApiRoutes.Demo.Statements.Issue(detail["statement"]!["id"]),
            new { expectedTotal = (decimal)detail["statement"]!["total"]! });
        await issue.ShouldBe(HttpStatusCode.OK);
        var statement = (await issue.ReadObjectAsync())["statement"]!.AsObject();
        using var pdf = await finance.SendAsync(ApiRoutes.Demo.Statements.Pdf(statement["id"]));
        await pdf.ShouldBe(HttpStatusCode.OK);
        return (statement, await pdf.Content.ReadAsByteArrayAsync());
    }

    private static List<string> Words(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)];
    }

    private static string Money(JsonNode? value) => ((decimal)value!).ToString("N2", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData("en")]
    [InlineData("zh-CN")]
    public async Task The_text_read_back_is_exactly_the_words_drawn_in_both_scripts(string language)
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        finance.DefaultRequestHeaders.Add("Accept-Language", language);
        var (s, pdf) = await IssuedAsync(finance, "上海云联客服");
        var words = Words(pdf);

        // Kerned Latin comes back whole ("Subtotal", not "Subt otal"); Chinese comes back as the unified ideographs
        // drawn (小计, 时长), never as Kangxi radicals or compatibility ideographs (⼩计, 时⻓).
        string[] expected =
        [
            "Statement", "结算单", (string)s["number"]!, "Vendor", "供应商", "上海云联客服", "Subtotal", "小计", "Adjustments", "调整",
            "Total", "合计", "平均处理时长", "Average", "handle", "time", "Skill", "技能", "Amount", "Late", "report", "credit", "迟交报告",
            "PRESALES", "2026-01-01", "–", "2026-01-31", Money(s["subtotal"]), Money(s["taxAmount"]), Money(s["total"]), "-20.50",
        ];
        Assert.All(expected, w => Assert.Contains(w, words));
        var text = string.Join(' ', words);
        Assert.DoesNotContain(text, c => c is >= '\u2E80' and <= '\u2FDF' or >= '\uF900' and <= '\uFAFF');
        Assert.Equal(text.Normalize(NormalizationForm.FormC), text);
        // The summary box: the label, then the value, each one word per space.
        Assert.Contains("Subtotal / 小计", text);
        Assert.Contains("Average handle time / 平均处理时长", text);
        // Page numbers "1 / 1".
        Assert.Equal(["1", "/", "1"], words[^3..]);
    }

    [Fact]
    public async Task Every_font_is_an_embedded_truetype_subset_and_a_one_page_statement_stays_under_60_kb()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var (_, pdf) = await IssuedAsync(finance, "华南客服外包");
        Assert.True(pdf.Length < 60 * 1024, $"one page: {pdf.Length:N0} bytes");
        // Skia writes each object's dictionary uncompressed: count the font subtypes and the embedded font programs.
        var raw = Encoding.Latin1.GetString(pdf);
        var subtypes = Regex.Matches(raw, @"/Subtype /(Type0|Type1|Type3|TrueType|CIDFontType0|CIDFontType2|MMType1)\b").Select(m => m.Groups[1].Value).ToList();
        Assert.DoesNotContain("Type3", subtypes);
        Assert.Equal(subtypes.Count(t => t == "Type0"), subtypes.Count(t => t == "CIDFontType2"));
        Assert.Equal(subtypes.Count, 2 * subtypes.Count(t => t == "Type0"));
        var cidFonts = subtypes.Count(t => t == "CIDFontType2");
        Assert.InRange(cidFonts, 2, 3); // DejaVu Sans (regular, bold) and Droid Sans Fallback
        Assert.Equal(cidFonts, Regex.Matches(raw, "/FontFile2 ").Count);
        Assert.Equal(cidFonts, Regex.Matches(raw, "/ToUnicode ").Count);
        // Subsets: each name carries the six-letter tag, and no font program is near its full size (the Chinese one is 4 MB).
        Assert.Equal(cidFonts, Regex.Matches(raw, @"/BaseFont /[A-Z]{6}\+(DejaVuSans|DejaVuSans-Bold|DroidSansFallback)\b").Count / 2);
        Assert.All(Regex.Matches(raw, @"/Length1 (\d+)").Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)),
            length => Assert.True(length < 100_000, $"font program of {length:N0} bytes"));

        using var document = PdfDocument.Open(pdf);
        Assert.All(document.GetPages().SelectMany(p => p.Letters), l => Assert.Matches(@"^[A-Z]{6}\+(DejaVuSans|DejaVuSans-Bold|DroidSansFallback)$", l.FontName));
    }

    [Fact]
    public async Task The_metadata_names_the_statement_and_claims_pdf_a_2b()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var (s, pdf) = await IssuedAsync(finance, "上海云联客服");
        using var document = PdfDocument.Open(pdf);
        var info = document.Information;
        Assert.Equal($"Statement {s["number"]} — {s["vendorName"]}", info.Title);
        Assert.False(string.IsNullOrWhiteSpace(info.Author)); // the tenant
        Assert.Equal($"Statement / 结算单 {s["number"]}: {s["vendorName"]}, 2026-01-01 – 2026-01-31, {s["currency"]}", info.Subject);
        Assert.Equal("VendorPortal", info.Creator);
        // Created when it was issued (the pinned clock), never the machine's time.
        var issuedAt = DateTimeOffset.Parse((string)s["issuedAt"]!, CultureInfo.InvariantCulture);
        Assert.Equal(issuedAt.ToUniversalTime().ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture), info.CreationDate![2..16]);
        Assert.True(document.TryGetXmpMetadata(out var xmp));
        var xml = xmp.GetXDocument().ToString();
        Assert.Contains("<pdfaid:part>2</pdfaid:part>", xml);
        Assert.Contains("<pdfaid:conformance>B</pdfaid:conformance>", xml);
        var raw = Encoding.Latin1.GetString(pdf);
        Assert.Contains("/OutputIntents [<</Type /OutputIntent\n/S /GTS_PDFA1", raw);
        Assert.Contains("/Info (sRGB IEC61966-2.1)", raw);
    }
}
