using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace VendorPortal.BrowserTests.Journeys;

/// <summary>
/// Journey 3: finance loads a vendor's contact volumes from CSV, drafts and issues the month's statement and downloads
/// it as PDF (read back with PdfPig, as pdftotext would) and CSV. Elements are found by role, label or text.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class FinanceStatementJourney(PortalApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task Finance_loads_volumes_issues_a_statement_and_downloads_its_pdf_and_csv()
    {
        var journey = new Journey("finance-statement", output);
        // Last month in the demo tenant: Harbor Contact has pre-sales and after-sales volumes and an all-skills rate card.
        var today = app.Today("Asia/Shanghai");
        var month = new DateTime(today.Year, today.Month, 1).AddMonths(-1);
        var monthText = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

        var finance = await app.SignInAsync("finance@demo.test", Journey.Desktop(app));
        await journey.ShotAsync(finance, "dashboard");
        await finance.GotoAsync(Pages.Demo.Statements);
        await Assertions.Expect(finance.GetByRole(AriaRole.Heading, new() { Name = "Statements", Exact = true })).ToBeVisibleAsync();

        // The vendor's hotline volumes for the first three days of the month arrive as a CSV file.
        var csv = new StringBuilder("skill,date,handled,offered,answered,averageHandleSeconds,complaints\n");
        for (var d = 0; d < 3; d++)
            csv.Append(CultureInfo.InvariantCulture, $"HOTLINE,{month.AddDays(d):yyyy-MM-dd},{1200 + d * 150},{1290 + d * 160},{1230 + d * 150},318,{2 + d}\n");
        var volumes = finance.GetByRole(AriaRole.Form, new() { Name = "Load contact volumes (CSV)" });
        FilePayload VolumesFile(string text) => new() { Name = "harbor-hotline.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(text) };

        // A mistyped skill on the last line: nothing is stored and the line is named.
        await volumes.GetByLabel("Vendor").SelectOptionAsync(new SelectOptionValue { Label = "Harbor Contact" });
        await volumes.GetByLabel("CSV file").SetInputFilesAsync(VolumesFile($"{csv}HOTLNE,{month:yyyy-MM}-04,310,330,320,300,0\n"));
        await volumes.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(finance.GetByText(new System.Text.RegularExpressions.Regex("line 5: .*HOTLNE"))).ToBeVisibleAsync();
        await journey.ShotAsync(finance, "volumes-refused");

        await volumes.GetByLabel("Vendor").SelectOptionAsync(new SelectOptionValue { Label = "Harbor Contact" });
        await volumes.GetByLabel("CSV file").SetInputFilesAsync(VolumesFile(csv.ToString()));
        await journey.ShotAsync(finance, "load-volumes");
        await volumes.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(finance.GetByText("Contact volumes for Harbor Contact were stored: 3 rows.")).ToBeVisibleAsync();

        var draft = finance.GetByRole(AriaRole.Form, new() { Name = "Draft a statement" });
        await draft.GetByLabel("Vendor").SelectOptionAsync(new SelectOptionValue { Label = "Harbor Contact" });
        await draft.GetByLabel("Month").FillAsync(monthText);
        await draft.GetByLabel("Tax %").FillAsync("6");
        await draft.GetByRole(AriaRole.Button, new() { Name = "Generate draft" }).ClickAsync();
        await Assertions.Expect(finance.GetByText("A draft statement for Harbor Contact was generated.")).ToBeVisibleAsync();

        var row = finance.GetByRole(AriaRole.Row).Filter(new() { HasText = "Harbor Contact" }).Filter(new() { HasText = $"{monthText}-01" });
        await Assertions.Expect(row).ToContainTextAsync("Draft");
        await row.ScrollIntoViewIfNeededAsync();
        await journey.ShotAsync(finance, "draft");
        await row.GetByRole(AriaRole.Button, new() { Name = "Issue" }).ClickAsync();
        await Assertions.Expect(row).ToContainTextAsync("Issued");
        await row.ScrollIntoViewIfNeededAsync();
        await journey.ShotAsync(finance, "issued");

        // The figures the portal keeps for the statement, to compare the downloads with.
        using var api = await app.ApiClientAsync("finance@demo.test");
        var statement = (await api.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query("status=issued&pageSize=200").Path))!["items"]!.AsArray()
            .Select(s => s!.AsObject())
            .Single(s => (string)s["vendorName"]! == "Harbor Contact" && ((string)s["periodStart"]!).StartsWith(monthText, StringComparison.Ordinal));
        var number = (string)statement["number"]!;
        var total = ((decimal)statement["total"]!).ToString("N2", CultureInfo.InvariantCulture);
        Assert.Contains(number, await row.InnerTextAsync());
        Assert.Contains(total, await row.InnerTextAsync());

        var pdf = await DownloadAsync(finance, row.GetByRole(AriaRole.Link, new() { Name = "PDF" }), ".pdf");
        Assert.Equal("%PDF", Encoding.ASCII.GetString(pdf, 0, 4));
        using (var document = PdfDocument.Open(pdf))
        {
            var words = string.Join(" ", document.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text));
            output.WriteLine($"Statement {number} PDF, {pdf.Length} bytes: {words}");
            Assert.Contains("Harbor Contact", words);
            Assert.Contains(number, words);
            Assert.Contains(total, words);
        }

        var text = Encoding.UTF8.GetString(await DownloadAsync(finance, row.GetByRole(AriaRole.Link, new() { Name = "CSV" }), ".csv")).TrimStart('\uFEFF');
        output.WriteLine(text);
        var lines = text.Split(["\r\n", "\n"], StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith($"statement,{number},tenant,", lines[0]);
        Assert.Contains("vendor,Harbor Contact", lines[0]);
        Assert.Equal("kind,skill,skillName,from,to,tier,contacts,unitPrice,amount", lines[1]);
        Assert.Contains(lines, l => l.StartsWith("usage,HOTLINE,", StringComparison.Ordinal));
        Assert.Equal("total,,,,,,,," + ((decimal)statement["total"]!).ToString("F2", CultureInfo.InvariantCulture), lines[^1]);
    }

    private static async Task<byte[]> DownloadAsync(IPage page, ILocator link, string extension)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => link.ClickAsync());
        Assert.EndsWith(extension, download.SuggestedFilename);
        return await File.ReadAllBytesAsync((await download.PathAsync())!);
    }
}
