using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class InHouseTests(PortalApp app)
{
    [Theory]
    [InlineData("en", 60)]
    [InlineData("zh-CN", 61)]
    public async Task Planner_applies_a_weekly_pattern_and_the_chart_and_table_show_the_smaller_gap(string language, int daysAhead)
    {
        var day = app.Today("Asia/Shanghai").AddDays(daysAhead);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        using var api = await app.ApiClientAsync("planner@demo.test");
        var eventId = (string)(await SendAsync(api, ApiRoutes.Demo.Events.Create, new
        {
            name = $"In-house drill {Guid.NewGuid().ToString("N")[..5]}", startDate = date, endDate = date, intervalMinutes = 30,
            serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        }))["id"]!;
        await SendAsync(api, ApiRoutes.Demo.Events.ReplaceForecast(eventId), new
        {
            rows = new[] { new { skill = "PRESALES", date, start = "10:00", contacts = 200, ahtSeconds = 240 } },
        });

        var page = await app.SignInAsync("planner@demo.test");
        if (language == "zh-CN")
        {
            await page.ClickAsync("#lang-zh");
            await page.WaitForSelectorAsync("#main-nav >> text=供应商");
        }
        try
        {
            await PlanAsync(page, eventId, day, language);
        }
        finally
        {
            // The language choice is the user's: give the planner English back for the other tests.
            if (language == "zh-CN")
            {
                await page.GotoAsync(Pages.Demo.Home);
                await page.ClickAsync("#lang-en");
                await page.WaitForSelectorAsync("#main-nav >> text=Vendors");
            }
        }
    }

    private async Task PlanAsync(IPage page, string eventId, DateTime day, string language)
    {
        await page.GotoAsync(Pages.Demo.Event(eventId));
        var row = "#day-table tr[data-skill='PRESALES']";
        var scheduled = Number(await page.InnerTextAsync($"{row} td:nth-child(5)"));
        Assert.Equal(scheduled, Number(await page.InnerTextAsync($"{row} [data-figure='vendor-gap']")));
        Assert.Equal("0", (await page.InnerTextAsync($"{row} [data-figure='in-house']")).Trim());
        Assert.Contains(language == "zh-CN" ? "自有团队" : "In-house team", await page.InnerTextAsync("#in-house-card .card-header"));
        Assert.Equal(scheduled.ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#staffing-chart .vp-bar-slot", "data-gap"));

        await page.SelectOptionAsync("#pattern-skill", "PRESALES");
        await page.CheckAsync($"#pattern-day-{day.DayOfWeek}");
        await page.FillAsync("#pattern-from", "08:00");
        await page.FillAsync("#pattern-to", "12:00");
        await page.FillAsync("#pattern-agents", "20");
        await page.ClickAsync("#apply-pattern");
        await page.WaitForSelectorAsync("#in-house-table");

        Assert.Contains(language == "zh-CN" ? "已应用模式" : "The pattern was applied", await page.ContentAsync());
        Assert.Equal("20", (await page.InnerTextAsync($"{row} [data-figure='in-house']")).Trim());
        Assert.Equal(scheduled - 20, Number(await page.InnerTextAsync($"{row} [data-figure='vendor-gap']")));
        Assert.Equal((scheduled - 20).ToString(CultureInfo.InvariantCulture), await page.GetAttributeAsync("#staffing-chart .vp-bar-slot", "data-gap"));
        var tooltip = await page.Locator("#staffing-chart .vp-bar-slot title").TextContentAsync() ?? "";
        Assert.Contains(language == "zh-CN" ? $"自有 20，缺口 {scheduled - 20}" : $"20 in-house, gap {scheduled - 20}", tooltip);
        Assert.Equal("08:00–12:00 · 20", (await page.InnerTextAsync("#in-house-table tbody tr td:nth-child(3)")).Trim());

        // A vendor manager sees the same smaller gap, without the in-house card.
        var vendor = await app.SignInAsync("apex@demo.test");
        await vendor.GotoAsync(Pages.Demo.Event(eventId));
        await vendor.WaitForSelectorAsync("#day-table");
        Assert.Equal(scheduled - 20, Number(await vendor.InnerTextAsync($"{row} [data-figure='vendor-gap']")));
        Assert.Equal(0, await vendor.Locator("#in-house-card").CountAsync());
    }

    private static int Number(string text) => int.Parse(text.Trim().Split(' ', '\n')[0], CultureInfo.InvariantCulture);

    private static async Task<JsonObject> SendAsync(HttpClient client, ApiRoute route, object body)
    {
        using var response = await client.SendAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }
}
