using System.Globalization;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class TrainingTests(PortalApp app)
{
    [Fact]
    public async Task Planner_records_a_pass_and_the_agent_page_shows_the_agent_trained()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        var title = $"Coupon stacking refresher {suffix}";

        var planner = await app.SignInAsync("planner@demo.test");
        await planner.GotoAsync(Pages.Demo.Training);
        await planner.ClickAsync("#new-session");
        await planner.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.NewTraining}");
        var tomorrow = DemoToday().AddDays(1);
        await planner.FillAsync("#Input_Title", title);
        await planner.CheckAsync("#session-skill-PRESALES");
        await planner.FillAsync("#Input_StartsAtLocal", Local(tomorrow.AddHours(7)));
        await planner.FillAsync("#Input_EndsAtLocal", Local(tomorrow.AddHours(8)));
        await planner.FillAsync("#Input_Capacity", "5");
        await planner.ClickAsync("#save-session");
        await planner.WaitForSelectorAsync("#flash");
        var sessionUrl = planner.Url;

        var apex = await app.SignInAsync("apex@demo.test");
        await apex.GotoAsync(Pages.Demo.NewAgent);
        await apex.FillAsync("#Input_ExternalRef", $"TR{suffix}");
        await apex.FillAsync("#Input_DisplayName", "孙丽");
        await apex.CheckAsync("#skill-PRESALES");
        await apex.FillAsync("#Input_Languages", "zh, en");
        await apex.ClickAsync("#save-agent");
        await apex.WaitForSelectorAsync("#flash");
        var agentUrl = apex.Url;
        Assert.Contains("Not trained", await apex.InnerTextAsync("#trained-for"));

        await apex.GotoAsync(sessionUrl);
        await apex.FillAsync("#candidate-search input", $"TR{suffix}");
        await apex.PressAsync("#candidate-search input", "Enter");
        await apex.CheckAsync($"#candidate-list input[data-agent='TR{suffix}']");
        await apex.ClickAsync("#enrol-selected");
        await apex.WaitForSelectorAsync($"#roster-table tr[data-agent='TR{suffix}']");

        await planner.GotoAsync(sessionUrl);
        await planner.SelectOptionAsync("#roster-table select", "Passed");
        await planner.ClickAsync("#save-results");
        await planner.WaitForSelectorAsync("#results-error");
        Assert.Contains("once the session has started", await planner.InnerTextAsync("#results-error"));

        var yesterday = DemoToday().AddDays(-1);
        await planner.FillAsync("#Input_StartsAtLocal", Local(yesterday.AddHours(7)));
        await planner.FillAsync("#Input_EndsAtLocal", Local(yesterday.AddHours(8)));
        await planner.ClickAsync("#save-session");
        await planner.WaitForSelectorAsync("#flash");
        Assert.Equal("Held", await planner.GetAttributeAsync("#session-title [data-phase]", "data-phase"));

        await planner.SelectOptionAsync($"#roster-table tr[data-agent='TR{suffix}'] select", "Passed");
        await planner.FillAsync($"#roster-table tr[data-agent='TR{suffix}'] input[type=number]", "92.5");
        await planner.ClickAsync("#save-results");
        await planner.WaitForSelectorAsync("#flash");
        Assert.Contains("Results saved for 1 agents", await planner.InnerTextAsync("#flash"));
        Assert.Equal("Passed", await planner.InputValueAsync($"#roster-table tr[data-agent='TR{suffix}'] select"));

        await apex.GotoAsync(agentUrl);
        Assert.Contains("Trained ✓", await apex.InnerTextAsync("#trained-for"));
        Assert.Contains(title, await apex.InnerTextAsync("#trained-for"));
        var history = apex.Locator("#training-history tr[data-outcome='Passed']");
        Assert.Contains(title, await history.InnerTextAsync());
        Assert.Contains("92.5", await history.InnerTextAsync());
    }

    [Fact]
    public async Task Vendor_manager_enrols_agents_in_bulk_and_sees_plainly_when_seats_run_out()
    {
        var title = $"Double 12 hotline drill {Guid.NewGuid().ToString("N")[..5]}";
        await app.ScheduleSessionAsync("demo", title, daysAhead: 6, startHour: 9, skills: ["PRESALES"], capacity: 10);

        var apex = await app.SignInAsync("apex@demo.test");
        await apex.GotoAsync(Pages.Demo.Training);
        await apex.ClickAsync($"#session-table tr[data-session='{title}'] a");
        await apex.WaitForSelectorAsync("#enrol");
        var candidates = await apex.Locator("#candidate-list input[data-agent]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.agent)");
        Assert.True(candidates.Length > 10, $"only {candidates.Length} candidates");
        Assert.DoesNotContain(candidates, c => c.StartsWith("SHH", StringComparison.Ordinal));

        await apex.CheckAsync("#select-all");
        Assert.Equal(candidates.Length.ToString(CultureInfo.InvariantCulture), await apex.InnerTextAsync("#selected-count"));
        await apex.ClickAsync("#enrol-selected");
        await apex.WaitForSelectorAsync("#enrol-errors");
        Assert.Contains("Only 10 seats are left.", await apex.InnerTextAsync("#enrol-errors"));
        Assert.Equal(0, await apex.Locator("#roster-table tr[data-agent]").CountAsync());

        // The refused selection is still ticked: clear it, narrow the list, then select what is left.
        await apex.CheckAsync("#select-all");
        await apex.UncheckAsync("#select-all");
        await apex.FillAsync("#candidate-search input", "SHA00");
        await apex.CheckAsync("#select-all");
        var chosen = await apex.Locator("#candidate-list li:not([hidden]) input:checked").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.agent)");
        Assert.InRange(chosen.Length, 2, 10);
        await apex.ClickAsync("#enrol-selected");
        await apex.WaitForSelectorAsync("#flash");

        Assert.Contains($"{chosen.Length} agents were enrolled", await apex.InnerTextAsync("#flash"));
        var roster = await apex.Locator("#roster-table tr[data-agent]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.agent)");
        Assert.Equal(chosen.Order(), roster.Order());
        Assert.Equal($"{chosen.Length}/10", await apex.GetAttributeAsync(".vp-facts [data-seats]", "data-seats"));

        await apex.ClickAsync($"#roster-table tr[data-agent='{chosen[0]}'] [data-withdraw]");
        await apex.WaitForSelectorAsync("#flash");
        Assert.Equal(chosen.Length - 1, await apex.Locator("#roster-table tr[data-agent]").CountAsync());
    }

    /// <summary>Today in the demo tenant's time zone, which is how the session form reads times.</summary>
    private DateTime DemoToday() => app.Today("Asia/Shanghai");

    private static string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
