using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

/// <summary>The export buttons download the list the page shows, with its filters, as CSV that Excel opens as UTF-8.</summary>
[Collection(PortalCollection.Name)]
public sealed class ExportTests(PortalApp app)
{
    [Fact]
    public async Task The_agents_button_downloads_the_filtered_list()
    {
        var page = await app.SignInAsync("admin@demo.test");
        await page.GotoAsync(Pages.Demo.Agents);
        await page.SelectOptionAsync("#agent-search select[name='status']", "Active");
        await page.SelectOptionAsync("#agent-search select[name='skill']", "HOTLINE");
        await page.ClickAsync("#agent-search button[type='submit']");
        await page.WaitForPageAsync(url => url.Contains("skill=HOTLINE", StringComparison.Ordinal));
        await app.ScreenshotAsync(page, "en-agents-export");
        var listed = await page.Locator("#agent-table tbody tr[data-agent]").CountAsync();

        var text = await DownloadAsync(page, "#export-agents");
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("externalRef,displayName,vendor,skills", lines[0]);
        Assert.Equal(listed, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Contains("HOTLINE", l));
        Assert.All(lines.Skip(1), l => Assert.Contains(",active,", l));
    }

    [Fact]
    public async Task The_audit_button_downloads_the_trail_of_the_dates_on_the_page()
    {
        var page = await app.SignInAsync("admin@demo.test");
        await page.GotoAsync(Pages.Demo.Audit);
        await page.FillAsync("#audit-filter input[name='from']", "2000-01-01");
        await page.FillAsync("#audit-filter input[name='to']", "2099-12-31");
        await page.SelectOptionAsync("#audit-filter select[name='type']", "Vendor");
        await page.ClickAsync("#audit-filter button[type='submit']");
        await page.WaitForPageAsync(url => url.Contains("from=2000-01-01", StringComparison.Ordinal));
        await app.ScreenshotAsync(page, "en-audit-export");
        await page.ClickAsync("#lang-zh");
        await page.LoadedAsync();
        await app.ScreenshotAsync(page, "zh-audit-export");
        Assert.Contains("导出 CSV", await page.InnerTextAsync("#export-audit"));

        var text = await DownloadAsync(page, "#export-audit");
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("at,atLocal,actor", lines[0]);
        Assert.True(lines.Length > 1, "The seeded vendors' creation is in the trail.");
        Assert.All(lines.Skip(1), l => Assert.Contains(",Vendor,", l));
        await page.ClickAsync("#lang-en");
    }

    private static async Task<string> DownloadAsync(IPage page, string button)
    {
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync(button));
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        return System.Text.Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
    }
}
