using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

/// <summary>Erlang A in the portal: the calculator in both languages and the event form's staffing model.</summary>
[Collection(PortalCollection.Name)]
public sealed class StaffingTests(PortalApp app)
{
    [Fact]
    public async Task The_calculator_with_Erlang_A_shows_the_abandon_rate_in_English_and_Chinese()
    {
        using var api = await app.ApiClientAsync("planner@demo.test");
        var expected = await api.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ErlangA.Query(
            "contacts=1200&intervalMinutes=30&ahtSeconds=300&serviceLevel=0.8&targetSeconds=20&shrinkage=0.3&maxOccupancy=0.85&patienceSeconds=30").Path);
        var abandon = ((double)expected!["abandonRate"]! * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

        var page = await app.SignInAsync("planner@demo.test");
        await page.GotoAsync(Pages.Demo.Staffing);
        // Patience belongs to Erlang A: hidden (and not sent) until Erlang A is chosen.
        Assert.False(await page.IsVisibleAsync("#PatienceSeconds"));
        await page.SelectOptionAsync("#StaffingModel", "ErlangA");
        Assert.True(await page.IsVisibleAsync("#PatienceSeconds"));
        await page.FillAsync("#Contacts", "1200");
        await page.SelectOptionAsync("#IntervalMinutes", "30");
        await page.FillAsync("#AhtSeconds", "300");
        await page.FillAsync("#TargetSeconds", "20");
        await page.FillAsync("#PatienceSeconds", "30");
        await page.ClickAsync("#staffing-form button[type=submit]");
        await page.WaitForSelectorAsync("#result-abandon");
        Assert.Equal(((int)expected["agents"]!).ToString(CultureInfo.InvariantCulture), (await page.InnerTextAsync("#result-agents")).Trim());
        Assert.Equal(abandon, (await page.InnerTextAsync("#result-abandon")).Trim());
        Assert.Contains("Callers who hang up", await page.InnerTextAsync("#staffing-result"));
        var answered = page.Url;

        try
        {
            await page.ClickAsync("#lang-zh");
            await page.WaitForSelectorAsync("#main-nav >> text=供应商");
            await page.GotoAsync(answered);
            Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));
            await page.WaitForSelectorAsync("#result-abandon");
            Assert.Equal(abandon, (await page.InnerTextAsync("#result-abandon")).Trim());
            Assert.Contains("放弃率", await page.InnerTextAsync("#staffing-result"));
            Assert.True(await page.IsVisibleAsync("#PatienceSeconds"));
            Assert.Contains("Erlang A", await page.InnerTextAsync("#StaffingModel option:checked"));
            await app.ScreenshotAsync(page, "zh-staffing-erlang-a");
        }
        finally
        {
            await page.ClickAsync("#lang-en");
            await page.WaitForSelectorAsync("#main-nav >> text=Vendors");
        }
    }

    [Fact]
    public async Task The_event_form_saves_Erlang_A_with_the_callers_patience()
    {
        var day = app.Today("Asia/Shanghai").AddDays(55).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var name = $"Patience sale {Guid.NewGuid().ToString("N")[..5]}";
        using var api = await app.ApiClientAsync("planner@demo.test");
        using var created = await api.PostAsJsonAsync(ApiRoutes.Demo.Events.Create.Path, new { name, startDate = day, endDate = day, intervalMinutes = 30 });
        created.EnsureSuccessStatusCode();
        var id = (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;

        var page = await app.SignInAsync("planner@demo.test");
        await page.GotoAsync($"{Pages.Demo.Events}/{id}");
        Assert.Contains("Erlang C", await page.InnerTextAsync("#staffing-model"));
        await page.ClickAsync("#edit-event-toggle");
        await page.Locator("#Input_StaffingModel").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        Assert.False(await page.IsVisibleAsync("#Input_PatienceSeconds"));

        // Erlang A without a patience is refused beside the field, and nothing is saved.
        await page.SelectOptionAsync("#Input_StaffingModel", "ErlangA");
        await page.FillAsync("#Input_PatienceSeconds", "");
        await page.ClickAsync("#save-event");
        await page.WaitForSelectorAsync("[data-valmsg-for='Input.PatienceSeconds'].field-validation-error");
        Assert.Contains("patience", await page.InnerTextAsync("[data-valmsg-for='Input.PatienceSeconds']"));

        await page.SelectOptionAsync("#Input_StaffingModel", "ErlangA");
        await page.FillAsync("#Input_PatienceSeconds", "45");
        await page.ClickAsync("#save-event");
        await page.WaitForSelectorAsync("#staffing-model >> text=Erlang A");
        Assert.Contains("Erlang A, patience 45 s", await page.InnerTextAsync("#staffing-model"));

        var saved = await api.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Get(id).Path);
        Assert.Equal("erlangA", (string)saved!["staffingModel"]!);
        Assert.Equal(45, (double)saved["patienceSeconds"]!);
    }
}
