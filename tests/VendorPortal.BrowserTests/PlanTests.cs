using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

/// <summary>The planner opens "Suggest a plan" from an event of their own, reads the shifts and the cost, and sends the plan.</summary>
[Collection(PortalCollection.Name)]
public sealed class PlanTests(PortalApp app)
{
    [Theory]
    [InlineData("en", 61)]
    [InlineData("zh", 62)]
    public async Task Planner_suggests_a_plan_from_the_event_page_and_sends_it_to_the_vendors(string language, int daysAhead)
    {
        var day = app.Today("Asia/Shanghai").AddDays(daysAhead).ToString("yyyy-MM-dd");
        var name = $"Plan {language} {Guid.NewGuid().ToString("N")[..5]}";
        using (var api = await app.ApiClientAsync("planner@demo.test"))
        {
            using var created = await api.SendAsync(ApiRoutes.Demo.Events.Create, new
            {
                name, startDate = day, endDate = day, intervalMinutes = 30, serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
            });
            created.EnsureSuccessStatusCode();
            var eventId = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
            var rows = Enumerable.Range(0, 8).Select(k => new { skill = "PRESALES", date = day, start = $"{18 + k / 2:00}:{k % 2 * 30:00}", contacts = 40, ahtSeconds = 240 });
            using var forecast = await api.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(eventId), new { rows });
            forecast.EnsureSuccessStatusCode();
        }

        var page = await app.SignInAsync("planner@demo.test");
        try
        {
            if (language == "zh")
            {
                await page.GotoAsync(Pages.Demo.Home);
                await page.ClickAsync("#lang-zh");
                await page.LoadedAsync();
            }
            await page.GotoAsync(Pages.Demo.Events);
            await page.ClickAsync($"#event-table a:text-is('{name}')");
            await page.ClickAsync("#suggest-plan");
            await page.WaitForSelectorAsync("#plan-vendors");
            Assert.Equal(language == "zh" ? "建议排班计划" : "Suggest a plan", (await page.InnerTextAsync("h1")).Trim());
            Assert.True(await page.Locator(".vp-plan-shift").CountAsync() > 0);
            Assert.Contains("18:00 – 22:00", await page.InnerTextAsync("#plan-vendors"));
            Assert.Equal(1, await page.Locator("#plan-chart-card svg[data-skill='PRESALES']").CountAsync());
            Assert.Matches(@"\d", await page.InnerTextAsync("#estimated-cost"));
            Assert.Contains(language == "zh" ? "已证明最优" : "Proven optimal", await page.InnerTextAsync("#optimal"));
            var requests = await page.Locator(".vp-plan-shift").CountAsync();
            await app.ScreenshotAsync(page, $"{language}-plan");

            await page.ClickAsync("#send-plan-button");
            await page.WaitForSelectorAsync("#flash");
            Assert.DoesNotContain("/plan", page.Url, StringComparison.Ordinal);
            Assert.Contains(language == "zh" ? "计划已发送" : "The plan was sent", await page.InnerTextAsync("#flash"));
            Assert.Equal(requests, await page.Locator("#request-table tbody tr").CountAsync());

            if (language == "en")
            {
                // The demo's Double 12 (three skills, two vendors) for the README; looking sends nothing.
                var eventUrl = page.Url;
                await page.GotoAsync(Pages.Demo.Events);
                await page.ClickAsync("#event-table a:text-is('Double 12')");
                await page.ClickAsync("#suggest-plan");
                await page.WaitForSelectorAsync("#plan-vendors");
                await app.ScreenshotAsync(page, "en-plan-double-12");
                await page.ScreenshotAsync(new PageScreenshotOptions
                {
                    Path = Path.Combine(app.ScreenshotFolder, "en-plan-double-12-top.png"), FullPage = true,
                    Clip = new Clip { X = 0, Y = 0, Width = 1366, Height = 2300 },
                });
                await page.GotoAsync(eventUrl);
            }

            // Planning again asks for nothing twice.
            await page.ClickAsync("#suggest-plan");
            await page.WaitForSelectorAsync("#nothing-to-ask");
            Assert.Equal(0, await page.Locator("#send-plan-button").CountAsync());
        }
        finally
        {
            if (language == "zh")
            {
                await page.GotoAsync(Pages.Demo.Home);
                await page.ClickAsync("#lang-en");
            }
        }
    }
}
