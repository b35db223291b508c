using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig;
using static VendorPortal.Tests.Billing.BillingSetup;

namespace VendorPortal.Tests.Billing;

[Collection(AppCollection.Name)]
public sealed class StatementTests(AppFactory app)
{
    /// <summary>A vendor with a Chinese name, a card with a mid-month price change and 100 contacts a day in January 2026.</summary>
    private async Task<Guid> JanuaryVendorAsync(HttpClient finance, string name = "华南客服外包")
    {
        var vendor = await app.NewVendorAsync(name);
        await finance.CardAsync(vendor, "PRESALES", "2026-01-01", "2026-01-15", [Tier(1_000, 1.00m), Tier(null, 0.80m)]);
        await finance.CardAsync(vendor, "PRESALES", "2026-01-16", null, [Tier(1_000, 0.90m), Tier(null, 0.7125m)]);
        var rows = Enumerable.Range(1, 31).Select(d => Volume(vendor, "PRESALES", $"2026-01-{d:00}", 100, offered: 110, answered: 100, aht: 300, complaints: 1)).ToArray();
        await finance.VolumesAsync(rows);
        return vendor;
    }

    private static async Task<JsonObject> DraftAsync(HttpClient finance, Guid vendor, string month = "2026-01", decimal? taxRate = 0.06m, params object[] adjustments)
    {
        using var response = await finance.SendAsync(ApiRoutes.Demo.Statements.Generate, new { vendorId = vendor, month, taxRate, adjustments });
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.ReadObjectAsync();
    }

    private static async Task<JsonObject> IssueAsync(HttpClient finance, JsonObject draft)
    {
        using var response = await finance.SendAsync(ApiRoutes.Demo.Statements.Issue(draft["statement"]!["id"]),
            new { expectedTotal = (decimal)draft["statement"]!["total"]! });
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    private static string PdfText(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        var text = string.Concat(document.GetPages().Select(p => p.Text));
        return new string(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());
    }

    private static string Squeeze(string text) => new(text.Normalize(NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)).ToArray());

    [Fact]
    public async Task A_mid_month_rate_change_splits_the_lines_and_the_totals_add_up()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await JanuaryVendorAsync(finance);
        var detail = await DraftAsync(finance, vendor, adjustments: [new { amount = -20.5m, reason = "Late report credit" }]);
        var lines = detail["lines"]!.AsArray();
        // 1-10 Jan 1,000 × 1.00; 11-15 Jan 500 × 0.80; 16-31 Jan 1,600 × 0.7125 = 1,140.00.
        Assert.Equal([1_000.00m, 400.00m, 1_140.00m], lines.Select(l => (decimal)l!["amount"]!));
        Assert.Equal(["2026-01-10", "2026-01-15", "2026-01-31"], lines.Select(l => (string?)l!["to"]));
        var s = detail["statement"]!;
        Assert.Equal(2_540.00m, (decimal)s["subtotal"]!);
        Assert.Equal(-20.5m, (decimal)s["adjustmentsTotal"]!);
        // Tax: (2,540.00 - 20.50) × 6 % = 151.17.
        Assert.Equal(151.17m, (decimal)s["taxAmount"]!);
        Assert.Equal(2_670.67m, (decimal)s["total"]!);
        Assert.Equal(3_100, (long)s["contacts"]!);
        Assert.Equal(0.8127m, (decimal)s["costPerContact"]!);
        Assert.Equal(0.9091m, (decimal)s["quality"]!["answerRate"]!);
        Assert.Equal("draft", (string?)s["status"]);
        Assert.Null((string?)s["number"]);
    }

    [Fact]
    public async Task An_issued_statement_never_changes_its_pdf_bytes_or_totals()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await JanuaryVendorAsync(finance);
        var issued = await IssueAsync(finance, await DraftAsync(finance, vendor));
        var id = (string)issued["statement"]!["id"]!;
        Assert.Matches(@"^2026-\d{4}$", (string?)issued["statement"]!["number"]);
        var pdf = await finance.GetByteArrayAsync(ApiRoutes.Demo.Statements.Pdf(id));

        await finance.VolumesAsync(Volume(vendor, "PRESALES", "2026-01-20", 5_000));
        using (var regenerate = await finance.SendAsync(ApiRoutes.Demo.Statements.Regenerate(id), new { taxRate = (decimal?)null, adjustments = Array.Empty<object>() }))
            await regenerate.ShouldBeProblem(HttpStatusCode.Conflict);
        using (var again = await finance.SendAsync(ApiRoutes.Demo.Statements.Issue(id), new { expectedTotal = 0 }))
            await again.ShouldBeProblem(HttpStatusCode.Conflict);

        Assert.Equal(pdf, await finance.GetByteArrayAsync(ApiRoutes.Demo.Statements.Pdf(id)));
        var after = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.Get(id), Json.Options);
        Assert.Equal(issued.ToJsonString(), after!.ToJsonString());
        var csv = await finance.GetByteArrayAsync(ApiRoutes.Demo.Statements.Csv(id));
        Assert.Equal((string?)issued["statement"]!["contentHash"], Convert.ToHexStringLower(SHA256.HashData(csv)));

        // A vendor reads the same bytes.
        using var apex = await app.ClientFor(DemoData.Apex);
        using var foreign = await apex.SendAsync(ApiRoutes.Demo.Statements.Pdf(id));
        await foreign.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_pdf_text_carries_the_number_the_chinese_vendor_name_and_the_api_total()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await JanuaryVendorAsync(finance, "上海云联客服");
        var issued = await IssueAsync(finance, await DraftAsync(finance, vendor));
        var s = issued["statement"]!;
        using var response = await finance.SendAsync(ApiRoutes.Demo.Statements.Pdf(s["id"]));
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(Squeeze((string)s["number"]!), text);
        Assert.Contains(Squeeze((string)s["vendorName"]!), text);
        Assert.Contains(((decimal)s["total"]!).ToString("N2", CultureInfo.InvariantCulture), text);
        Assert.EndsWith("1/1", text);
        Assert.DoesNotContain("DRAFT", text);

        using var draft = await finance.SendAsync(ApiRoutes.Demo.Statements.Pdf((await DraftAsync(finance, vendor, "2026-02"))["statement"]!["id"]));
        Assert.Contains("DRAFT", PdfText(await draft.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task A_long_statement_breaks_pages_and_repeats_the_table_header()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await JanuaryVendorAsync(finance);
        await finance.CardAsync(vendor, null, "2026-01-01", null, [Tier(null, 2.5m)]);
        await finance.VolumesAsync([.. Enumerable.Range(1, 31).SelectMany(d => new[]
        {
            Volume(vendor, "HOTLINE", $"2026-01-{d:00}", 10 + d), Volume(vendor, "AFTERSALES", $"2026-01-{d:00}", 20 + d),
        })]);
        using var response = await finance.SendAsync(ApiRoutes.Demo.Statements.Generate, new { vendorId = vendor, month = "2026-01", dailyLines = true });
        await response.ShouldBe(HttpStatusCode.Created);
        var detail = await response.ReadObjectAsync();
        Assert.Equal(93, detail["lines"]!.AsArray().Count);
        // PRESALES as grouped (2,540.00) plus (31 × 10 + 496) × 2.5 and (31 × 20 + 496) × 2.5.
        Assert.Equal(2_540.00m + 806 * 2.5m + 1_116 * 2.5m, (decimal)detail["statement"]!["subtotal"]!);
        var pdf = await finance.GetByteArrayAsync(ApiRoutes.Demo.Statements.Pdf(detail["statement"]!["id"]));
        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => Squeeze(p.Text)).ToList();
        Assert.Equal(3, pages.Count);
        Assert.All(pages, p => Assert.Contains("Skill/技能", p));
        Assert.All(pages, p => Assert.Contains("DRAFT", p));
        Assert.Contains("3/3", pages[^1]);
        Assert.Contains("1/3", pages[0]);
        Assert.Contains(((decimal)detail["statement"]!["total"]!).ToString("N2", CultureInfo.InvariantCulture), pages[^1]);
    }

    [Fact]
    public async Task Concurrent_issues_get_distinct_gap_free_numbers()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await app.NewVendorAsync();
        await finance.CardAsync(vendor, null, "2025-01-01", null, [Tier(null, 1m)]);
        var drafts = new List<JsonObject>();
        for (var m = 1; m <= 8; m++) drafts.Add(await DraftAsync(finance, vendor, $"2025-{m:00}", taxRate: null));
        var issued = await Task.WhenAll(drafts.Select(async d =>
        {
            using var client = await app.ClientFor(DemoData.Finance);
            return await IssueAsync(client, d);
        }));
        var sequences = issued.Select(i => int.Parse(((string)i["statement"]!["number"]!)[5..], CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(Enumerable.Range(sequences[0], 8), sequences);
    }

    [Fact]
    public async Task Voiding_stamps_the_pdf_and_frees_the_period_for_a_corrected_issue()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await JanuaryVendorAsync(finance);
        var first = await IssueAsync(finance, await DraftAsync(finance, vendor));
        var id = (string)first["statement"]!["id"]!;
        using (var blocked = await finance.SendAsync(ApiRoutes.Demo.Statements.Generate, new { vendorId = vendor, month = "2026-01" }))
            await blocked.ShouldBeProblem(HttpStatusCode.Conflict);
        using (var voided = await finance.SendAsync(ApiRoutes.Demo.Statements.Void(id), new { reason = "Wrong volumes for the 20th" }))
        {
            await voided.ShouldBe(HttpStatusCode.OK);
            Assert.Equal("void", (string?)(await voided.ReadObjectAsync())["statement"]!["status"]);
        }
        var pdf = await finance.GetByteArrayAsync(ApiRoutes.Demo.Statements.Pdf(id));
        Assert.Contains("VOID", PdfText(pdf));
        Assert.Equal(pdf, await finance.GetByteArrayAsync(ApiRoutes.Demo.Statements.Pdf(id)));
        var corrected = await IssueAsync(finance, await DraftAsync(finance, vendor));
        Assert.NotEqual((string?)first["statement"]!["number"], (string?)corrected["statement"]!["number"]);
    }

    [Fact]
    public async Task A_draft_changed_since_it_was_reviewed_is_not_issued()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await JanuaryVendorAsync(finance);
        var draft = await DraftAsync(finance, vendor, taxRate: null);
        var id = draft["statement"]!["id"];
        using var regenerated = await finance.SendAsync(ApiRoutes.Demo.Statements.Regenerate(id),
            new { taxRate = 0.13m, adjustments = new[] { new { amount = 100m, reason = "Weekend overtime premium" } } });
        await regenerated.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2_983.20m, (decimal)(await regenerated.ReadObjectAsync())["statement"]!["total"]!);
        using var stale = await finance.SendAsync(ApiRoutes.Demo.Statements.Issue(id), new { expectedTotal = (decimal)draft["statement"]!["total"]! });
        await stale.ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Two_drafts_of_one_period_racing_in_leave_one_draft()
    {
        var vendor = await app.NewVendorAsync();
        using var finance = await app.ClientFor(DemoData.Finance);
        await finance.CardAsync(vendor, null, "2025-01-01", null, [Tier(null, 1m)]);
        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var client = await app.ClientFor(DemoData.Finance);
            using var response = await client.SendAsync(ApiRoutes.Demo.Statements.Generate, new { vendorId = vendor, month = "2025-12" });
            return response.StatusCode;
        }));
        Assert.Single(statuses, s => s == HttpStatusCode.Created);
        Assert.All(statuses.Where(s => s != HttpStatusCode.Created), s => Assert.Equal(HttpStatusCode.Conflict, s));
        var page = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query($"vendorId={vendor}"), Json.Options);
        Assert.Single(page!["items"]!.AsArray());
    }

    [Fact]
    public async Task Contacts_without_a_rate_card_refuse_the_draft()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await app.NewVendorAsync();
        await finance.VolumesAsync(Volume(vendor, "HOTLINE", "2026-02-03", 40));
        using var response = await finance.SendAsync(ApiRoutes.Demo.Statements.Generate, new { vendorId = vendor, month = "2026-02" });
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("HOTLINE", (string)problem["detail"]!);
    }

    [Fact]
    public async Task Vendors_list_only_their_own_statements()
    {
        var demo = await app.Demo;
        using var apex = await app.ClientFor(DemoData.Apex);
        var page = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query("pageSize=200"), Json.Options);
        Assert.NotEmpty(page!["items"]!.AsArray());
        Assert.All(page["items"]!.AsArray(), s => Assert.Equal(demo.ApexInDemo.ToString(), (string?)s!["vendorId"]));
        using var harbor = await app.ClientFor(DemoData.Harbor);
        var theirs = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query($"vendorId={demo.ApexInDemo}"), Json.Options);
        Assert.Empty(theirs!["items"]!.AsArray());
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("hu-HU")]
    [InlineData("tr-TR")]
    public async Task Money_reads_the_same_in_any_culture(string culture)
    {
        var (before, beforeUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            using var finance = await app.ClientFor(DemoData.Finance);
            var vendor = await app.NewVendorAsync("İstanbul Çağrı");
            await finance.CardAsync(vendor, "HOTLINE", "2026-03-01", null, [Tier(1_000, 1.2345m), Tier(null, 1.0005m)]);
            await finance.VolumesAsync(Volume(vendor, "HOTLINE", "2026-03-02", 1_500), Volume(vendor, "HOTLINE", "2026-03-03", 1));
            var issued = await IssueAsync(finance, await DraftAsync(finance, vendor, "2026-03", 0.0625m));
            // 1,000 × 1.2345 = 1,234.50; 501 × 1.0005 = 501.2505 → 501.25; subtotal 1,735.75; tax 108.484375 → 108.48.
            var s = issued["statement"]!;
            Assert.Equal(1_844.23m, (decimal)s["total"]!);
            var csv = await finance.GetStringAsync(ApiRoutes.Demo.Statements.Csv(s["id"]));
            Assert.Contains("\r\ntotal,,,,,,,,1844.23\r\n", csv);
            Assert.Contains(",1.2345,1234.50\r\n", csv);
            var text = PdfText(await finance.GetByteArrayAsync(ApiRoutes.Demo.Statements.Pdf(s["id"])));
            Assert.Contains("1,844.23", text);
            Assert.Contains("1.0005", text);
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (before, beforeUi);
        }
    }
}
