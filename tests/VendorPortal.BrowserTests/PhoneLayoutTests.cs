using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

/// <summary>
/// A vendor's team lead works from a phone (390×844): no page scrolls sideways and every link, button and field is a
/// touch target of at least 24×24 CSS pixels (WCAG 2.5.8). Planners and finance use tablets at 768 px.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PhoneLayoutTests(PortalApp app)
{
    public const int MinTarget = 24;

    /// <summary>
    /// What a page does wrong at its size: sideways scrolling, and every visible interactive element smaller than
    /// 24×24 (skipping inputs drawn by their label, e.g. Bootstrap's button radios, which take no pointer events).
    /// </summary>
    private const string Problems = """
        (min) => {
            const problems = [];
            const width = document.documentElement.scrollWidth, view = window.innerWidth;
            if (width > view) {
                const wide = [...document.querySelectorAll('main *, header *')]
                    .filter(e => e.getBoundingClientRect().right > view + 0.5 && !e.closest('.table-card, .table-responsive, .vp-calendar-scroll, .vp-subnav .nav'))
                    .slice(0, 3).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.'));
                problems.push(`page is ${width}px wide in a ${view}px window (${wide.join(', ')})`);
            }
            const targets = document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button], [tabindex]:not([tabindex="-1"])');
            for (const e of targets) {
                if (!e.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) continue;
                const style = getComputedStyle(e);
                if (style.pointerEvents === 'none') continue;
                const box = e.getBoundingClientRect();
                if (box.width === 0 && box.height === 0) continue;
                if (box.width < min - 0.01 || box.height < min - 0.01) {
                    const name = (e.getAttribute('aria-label') || e.textContent || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 30);
                    problems.push(`${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''} "${name}" is ${box.width.toFixed(1)}×${box.height.toFixed(1)}`);
                }
            }
            return problems;
        }
        """;

    [Fact]
    public async Task Every_vendor_page_fits_a_phone_with_touch_sized_targets()
    {
        var page = await SignInAsync("apex@demo.test", 390, 844);
        var paths = new List<string> { Pages.Demo.Home, Pages.Demo.Shifts, Pages.Demo.Requests, Pages.Demo.Agents, Pages.Demo.Pool, Pages.Demo.Training, Pages.Demo.Alerts, Pages.Demo.Statements };
        foreach (var (list, link) in new[]
        {
            (Pages.Demo.Shifts, "#shift-table a[href*='/shifts/']"),
            (Pages.Demo.Requests, "#request-table tbody tr a[href*='/requests/']"),
            (Pages.Demo.Agents, "#agent-table tr[data-agent] a[href*='/agents/']"),
            (Pages.Demo.Training, "#session-table tr[data-session] a[href*='/training/']"),
        })
        {
            await page.GotoAsync(list);
            paths.Add((await page.Locator(link).First.GetAttributeAsync("href"))!);
        }
        // A shift the vendor still decides on, so the page shows its decision buttons and assignment form.
        paths.Add(Pages.Demo.Shift((await ShiftWithUndecidedAgentsAsync("Ava Phone", "Ben Phone")).ShiftId));

        var found = new List<string>();
        foreach (var (language, button) in new[] { ("en", "#lang-en"), ("zh-CN", "#lang-zh") })
        {
            await SwitchAsync(page, language, button);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                found.AddRange((await page.EvaluateAsync<string[]>(Problems, MinTarget)).Select(p => $"{path} [{language}]: {p}"));
            }
            // The collapsed menu opens, and its links, the tenant switch and the language switch are all in reach.
            await page.ClickAsync("#nav-toggle");
            await page.WaitForSelectorAsync("#main-nav a[href='/t/demo/shifts']", new() { State = WaitForSelectorState.Visible });
            found.AddRange((await page.EvaluateAsync<string[]>(Problems, MinTarget)).Select(p => $"menu [{language}]: {p}"));
            Assert.True(await page.IsVisibleAsync("#lang-en"));
            Assert.True(await page.IsVisibleAsync("#tenant-switcher"));
        }
        await SwitchAsync(page, "en", "#lang-en");
        Assert.True(found.Count == 0, $"{found.Count} phone layout problems:\n{string.Join("\n", found)}");
    }

    [Fact]
    public async Task A_team_lead_confirms_all_agents_with_one_tap_and_declines_one_with_another()
    {
        var (shiftId, agents) = await ShiftWithUndecidedAgentsAsync("Ava Tap", "Ben Tap", "Cai Tap");
        var page = await SignInAsync("apex@demo.test", 390, 844);
        await page.GotoAsync(Pages.Demo.Shift(shiftId));
        Assert.Contains("(3)", await page.InnerTextAsync("#confirm-all"));
        Assert.False(await page.IsVisibleAsync("#save-decisions"));

        await page.ClickAsync("#confirm-all");
        await page.WaitForSelectorAsync("#flash");
        Assert.Contains("3 confirmed, 0 declined.", await page.InnerTextAsync("#flash"));
        Assert.Equal("3", await page.GetAttributeAsync("#confirmed-count", "data-confirmed"));
        Assert.Equal(0, await page.Locator("#confirm-all").CountAsync());

        // Cai cannot come after all: one tap on the row's Decline, which gives the standard reason.
        var row = $"#decision-grid tr[data-agent='{agents[2]}']";
        await page.ClickAsync($"{row} button[name=DeclineOne]");
        await page.WaitForSelectorAsync("#flash");
        Assert.Contains("0 confirmed, 1 declined.", await page.InnerTextAsync("#flash"));
        Assert.Equal("Declined", await page.GetAttributeAsync(row, "data-status"));
        Assert.Contains("Not available for this shift", await page.InnerTextAsync($"{row} [data-decline-reason]"));
        Assert.Equal("2", await page.GetAttributeAsync("#confirmed-count", "data-confirmed"));
        Assert.Empty(await page.EvaluateAsync<string[]>(Problems, MinTarget));

        using var apexApi = await app.ApiClientAsync("apex@demo.test");
        var shift = (await apexApi.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Shifts.Get(shiftId)))!;
        var assignments = shift["assignments"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(2, assignments.Count(a => (string)a["status"]! == "confirmed" && (string)a["decidedBy"]! == "apex@demo.test"));
        var declined = assignments.Single(a => (string)a["externalRef"]! == agents[2]);
        Assert.Equal("declined", (string)declined["status"]!);
        Assert.Equal("Not available for this shift", (string)declined["declineReason"]!);
    }

    [Theory]
    [InlineData("planner@demo.test")]
    [InlineData("finance@demo.test")]
    public async Task Planner_and_finance_pages_do_not_scroll_sideways_at_768_px(string email)
    {
        var page = await SignInAsync(email, 768, 1024);
        var paths = new List<string> { Pages.Demo.Home };
        foreach (var link in await page.Locator("#main-nav a[href^='/t/']").AllAsync())
            paths.Add((await link.GetAttributeAsync("href"))!);
        foreach (var (list, link) in new[]
        {
            (Pages.Demo.Events, "#event-table a:text-is('Double 12')"),
            (Pages.Demo.Shifts, "#shift-table a[href*='/shifts/']"),
            (Pages.Demo.Requests, "#request-table tbody tr a[href*='/requests/']"),
            (Pages.Demo.Agents, "#agent-table tr[data-agent] a[href*='/agents/']"),
            (Pages.Demo.Vendors, "#vendor-table tr[data-vendor] a[href*='/vendors/']"),
        })
        {
            if (!paths.Contains(list)) continue;
            await page.GotoAsync(list);
            var href = (await page.Locator(link).First.GetAttributeAsync("href"))!;
            paths.Add(href);
            if (list == Pages.Demo.Events) paths.AddRange([$"{href}/plan", $"{href}/fill"]);
        }
        Assert.True(paths.Count >= 8, string.Join(", ", paths));
        var wide = new List<string>();
        foreach (var path in paths.Distinct())
        {
            await page.GotoAsync(path);
            var (scroll, view) = await WidthsAsync(page);
            if (scroll > view) wide.Add($"{path}: {scroll}px in {view}px");
        }
        Assert.True(wide.Count == 0, $"Pages scroll sideways at 768 px:\n{string.Join("\n", wide)}");
    }

    private async Task<IPage> SignInAsync(string email, int width, int height)
    {
        return await app.SignInAsync(email, new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "en-US",
        });
    }

    private static async Task SwitchAsync(IPage page, string language, string button)
    {
        await page.GotoAsync(Pages.Demo.Home);
        if (!await page.IsVisibleAsync(button)) await page.ClickAsync("#nav-toggle");
        await page.ClickAsync(button);
        await page.WaitForFunctionAsync($"document.documentElement.lang === '{language}'");
    }

    private static async Task<(int Scroll, int View)> WidthsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<JsonElement>("[document.documentElement.scrollWidth, window.innerWidth]");
        return (widths[0].GetInt32(), widths[1].GetInt32());
    }

    /// <summary>A new Apex shift 20 days ahead with the given agents assigned and none decided yet.</summary>
    public static async Task<string> ShiftToDecideAsync(PortalApp app, params string[] names) =>
        (await new PhoneLayoutTests(app).ShiftWithUndecidedAgentsAsync(names)).ShiftId;

    /// <summary>A new Apex shift 20 days ahead, with the given agents created and assigned (none decided yet).</summary>
    private async Task<(string ShiftId, List<string> Agents)> ShiftWithUndecidedAgentsAsync(params string[] names)
    {
        var suffix = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        using var plannerApi = await app.ApiClientAsync("planner@demo.test");
        using var apexApi = await app.ApiClientAsync("apex@demo.test");
        var day = app.Today("Asia/Shanghai").AddDays(20);
        var eventId = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.Events.Create, new
        {
            name = $"Phone drill {suffix}", startDate = DateOnly.FromDateTime(day), endDate = DateOnly.FromDateTime(day),
            intervalMinutes = 30, serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        }))["id"]!;
        var shiftId = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.Shifts.Create, new
        {
            eventId, vendorId = await app.VendorIdAsync("demo", "Apex BPO"), skill = "PRESALES",
            startsAtLocal = Local(day.AddHours(9)), endsAtLocal = Local(day.AddHours(17)), headcount = names.Length,
        }))["shift"]!["id"]!;
        var agentIds = new List<string>();
        var refs = new List<string>();
        foreach (var (name, i) in names.Select((n, i) => (n, i)))
        {
            refs.Add($"PH{suffix}{i}");
            agentIds.Add((string)(await PostAsync(apexApi, ApiRoutes.Demo.Agents.Create, new
            {
                externalRef = refs[^1], displayName = $"{name} {suffix}", status = "active", skills = new[] { "PRESALES" }, languages = new[] { "zh" },
            }))["id"]!);
        }
        await PostAsync(apexApi, ApiRoutes.Demo.Shifts.Assign(shiftId), new { agentIds });
        return (shiftId, refs);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, ApiRoute route, object body)
    {
        using var response = await client.SendAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
