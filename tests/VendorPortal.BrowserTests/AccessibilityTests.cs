using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace VendorPortal.BrowserTests;

/// <summary>
/// axe-core on the pages each demo role opens (its navigation links, its menus, the main detail and form pages and
/// the error page), in English and Chinese: no violation of serious or critical impact for WCAG 2.0/2.1 A and AA.
/// To keep the run short, the phone size is checked on the sign-in pages and the vendor manager's pages (the people
/// most likely to use a phone), and the planner and finance check only what the tenant admin's run does not cover.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class AccessibilityTests(PortalApp app, ITestOutputHelper output)
{
    private static readonly (string Language, string Button)[] Languages = [("en", "#lang-en"), ("zh-CN", "#lang-zh")];

    private static readonly (string Name, int Width, int Height) Desktop = ("desktop", 1366, 900), Phone = ("phone", 390, 844);

    private static readonly AxeRunOptions Wcag = new()
    {
        RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        // Only violations are read: the passing nodes need not travel back from the browser.
        ResultTypes = [ResultType.Violations],
    };

    [Fact]
    public async Task Pages_before_sign_in_have_no_serious_violation()
    {
        var page = await app.NewPageAsync();
        var found = new List<Finding>();
        try
        {
            foreach (var (language, button) in Languages)
            {
                await page.GotoAsync(Pages.Login);
                await SwitchAsync(page, language, button);
                await CheckAsync(page, [Pages.Login, Pages.ForgotPassword, Pages.ResetPassword, Pages.AcceptInvitation, "/error/500",
                    await app.UnsubscribePathAsync("apex@demo.test", VendorPortal.Web.Features.Notifications.NotificationCategory.Alerts)], language, [Desktop, Phone], found);
            }
        }
        finally
        {
            await page.Context.CloseAsync();
        }
        Report(found);
    }

    [Theory]
    [InlineData("admin@demo.test", false, false)]
    [InlineData("apex@demo.test", true, false)]
    [InlineData("planner@demo.test", false, true)]
    [InlineData("finance@demo.test", false, true)]
    public async Task Every_page_of_a_role_has_no_serious_violation(string email, bool phoneToo, bool onlyWhatAdminDoesNotOpen)
    {
        var page = await app.SignInAsync(email);
        var found = new List<Finding>();
        if (email != "finance@demo.test")
        {
            // A (disabled) webhook endpoint of the person's own, so its page is among those checked.
            using var api = await app.ApiClientAsync(email);
            using var created = await api.SendAsync(ApiRoutes.Demo.Webhooks.Create, new { url = "https://203.0.113.10/hook", description = "Accessibility", enabled = false });
            created.EnsureSuccessStatusCode();
        }
        try
        {
            var paths = await PagesOfAsync(page);
            output.WriteLine($"{email}: {string.Join(" ", paths)}");
            Assert.True(paths.Count >= 8, $"Only {paths.Count} pages found for {email}: {string.Join(", ", paths)}");
            // The tenant admin opens every other page the planner and finance open; their dashboards differ by role.
            if (onlyWhatAdminDoesNotOpen) paths = [.. paths.Where(p => p == Pages.Demo.Home || p == Pages.Demo.RateCards || p == Pages.Demo.Scorecards)];
            foreach (var (language, button) in Languages)
            {
                await page.GotoAsync(Pages.Demo.Home);
                await SwitchAsync(page, language, button);
                await CheckAsync(page, paths, language, phoneToo ? [Desktop, Phone] : [Desktop], found);
            }
        }
        finally
        {
            // The language is kept on the account: leave the person in English for the tests that follow.
            await page.SetViewportSizeAsync(1366, 900);
            await page.GotoAsync(Pages.Demo.Home);
            await SwitchAsync(page, "en", "#lang-en");
            await page.Context.CloseAsync();
        }
        Report(found);
    }

    /// <summary>The role's navigation links, its menus' links, and one of each detail page it can reach.</summary>
    private async Task<List<string>> PagesOfAsync(IPage page)
    {
        await page.GotoAsync(Pages.Demo.Home);
        var paths = new List<string> { Pages.Demo.Home };
        foreach (var link in await page.Locator("#main-nav a[href^='/t/']").AllAsync())
            paths.Add((await link.GetAttributeAsync("href"))!);

        async Task<string?> DetailAsync(string list, string selector)
        {
            if (!paths.Contains(list)) return null;
            await page.GotoAsync(list);
            var links = page.Locator(selector);
            Assert.True(await links.CountAsync() > 0, $"No {selector} on {list}.");
            var href = (await links.First.GetAttributeAsync("href"))!;
            paths.Add(href);
            return href;
        }

        async Task IfOpensAsync(string path)
        {
            if (await page.GotoAsync(path) is { Status: 200 } && new Uri(page.Url).AbsolutePath == path) paths.Add(path);
        }

        if (await DetailAsync(Pages.Demo.Events, "#event-table a:text-is('Double 12')") is { } doubleTwelve)
        {
            var eventId = doubleTwelve[(Pages.Demo.Events.Length + 1)..];
            await IfOpensAsync(Pages.Demo.Plan(eventId));
            await IfOpensAsync(Pages.Demo.Fill(eventId));
        }
        await DetailAsync(Pages.Demo.Shifts, "#shift-table a[href*='/shifts/']");
        await DetailAsync(Pages.Demo.Requests, "#request-table tbody tr a[href*='/requests/']");
        await DetailAsync(Pages.Demo.Agents, "#agent-table tr[data-agent] a[href*='/agents/']");
        await DetailAsync(Pages.Demo.Vendors, "#vendor-table tr[data-vendor] a[href*='/vendors/']");
        await DetailAsync(Pages.Demo.Training, "#session-table tr[data-session] a[href*='/training/']");
        await DetailAsync(Pages.Demo.Webhooks, "#webhook-table a[href*='/webhooks/']");
        foreach (var form in new[] { Pages.Demo.NewVendor, Pages.Demo.NewAgent, Pages.Demo.ImportAgents, Pages.Demo.NewTraining, Pages.Demo.NewRequest })
            await IfOpensAsync(form);
        // A page that is not there: the error page inside the portal's frame.
        paths.Add(Pages.Demo.Vendor(Guid.Empty));
        paths.Add(Pages.NotificationPreferences);
        return [.. paths.Distinct()];
    }

    private static async Task SwitchAsync(IPage page, string language, string button)
    {
        await page.ClickAsync(button);
        await page.WaitForFunctionAsync($"document.documentElement.lang === '{language}'");
    }

    private static async Task CheckAsync(IPage page, IReadOnlyList<string> paths, string language,
        (string Name, int Width, int Height)[] viewports, List<Finding> found)
    {
        foreach (var (viewport, width, height) in viewports)
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
                // The portal has no frames, so axe runs in the page itself ("legacy" mode) instead of opening a blank
                // page to merge per-frame results after every run: a quarter of the time for the same violations.
#pragma warning disable CS0618
                var result = await page.RunAxeLegacy(options: Wcag);
#pragma warning restore CS0618
                foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                    foreach (var node in violation.Nodes)
                        found.Add(new Finding(violation.Id, violation.Impact, node.Target?.ToString() ?? "", path, language, viewport));
            }
        }
    }

    private void Report(List<Finding> found)
    {
        foreach (var rule in found.GroupBy(f => f.Rule).OrderBy(g => g.Key, StringComparer.Ordinal))
            output.WriteLine($"{rule.Key}: {rule.Count()} nodes");
        Assert.True(found.Count == 0, $"{found.Count} serious or critical axe violations:\n" + string.Join("\n", found));
    }

    private sealed record Finding(string Rule, string Impact, string Target, string Page, string Language, string Viewport)
    {
        public override string ToString() => $"{Rule} ({Impact}) {Target} on {Page} [{Language}, {Viewport}]";
    }
}
