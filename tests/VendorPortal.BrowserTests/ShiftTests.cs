using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class ShiftTests(PortalApp app)
{
    [Fact]
    public async Task A_vendor_confirms_reserve_staff_for_a_shift()
    {
        var suffix = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();
        using var plannerApi = await app.ApiClientAsync("planner@demo.test");
        using var apexApi = await app.ApiClientAsync("apex@demo.test");
        var apexId = await app.VendorIdAsync("demo", "Apex BPO");
        foreach (var (name, i) in new[] { "Ava", "Ben", "Cai" }.Select((n, i) => (n, i)))
            await PostAsync(apexApi, ApiRoutes.Demo.Agents.Create, new
            {
                externalRef = $"SH{suffix}{i}", displayName = $"{name} Shift {suffix}", status = "active", skills = new[] { "PRESALES" }, languages = new[] { "zh" },
            });

        var day = DemoToday().AddDays(20);
        var eventId = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.Events.Create, new
        {
            name = $"Shift drill {suffix}", startDate = DateOnly.FromDateTime(day), endDate = DateOnly.FromDateTime(day.AddDays(1)), intervalMinutes = 30,
            serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        }))["id"]!;
        var requestId = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.CapacityRequests.Create, new
        {
            eventId, vendorId = apexId, skill = "PRESALES", respondByLocal = Local(DemoToday().AddDays(5).AddHours(18)), message = "Double 12 morning and evening.",
            shifts = new[]
            {
                new { startsAtLocal = Local(day.AddHours(9)), endsAtLocal = Local(day.AddHours(17)), headcount = 3 },
                new { startsAtLocal = Local(day.AddHours(17)), endsAtLocal = Local(day.AddHours(23)), headcount = 2 },
            },
        }))["id"]!;

        var apex = await app.SignInAsync("apex@demo.test");
        await apex.GotoAsync(Pages.Demo.Requests);
        await apex.ClickAsync($"#request-table tr[data-request='{requestId}'] a");
        await apex.WaitForSelectorAsync("#answer-form");
        await apex.ClickAsync("#decline-all");
        Assert.Equal("0", await apex.InnerTextAsync("#commit-total"));
        await apex.ClickAsync("#commit-all");
        await apex.FillAsync("#answer-1", "1");
        Assert.Equal("4", await apex.InnerTextAsync("#commit-total"));
        await apex.FillAsync("#Message", "Evening is short: one agent only.");
        await app.ScreenshotAsync(apex, "en-request-answer");
        await apex.ClickAsync("#send-answer");
        await apex.WaitForSelectorAsync("#flash");
        Assert.Contains("4 of 5 agents committed", await apex.InnerTextAsync("#flash"));
        Assert.Equal("Partial", await apex.GetAttributeAsync("#request-title [data-answer]", "data-answer"));

        await apex.ClickAsync("#shift-table tbody tr:first-child [data-shift-link]");
        await apex.WaitForSelectorAsync("#assign");
        var shiftId = apex.Url.Split('/')[^1];
        await apex.FillAsync("#candidate-search", $"SH{suffix}");
        await apex.CheckAsync("#select-all");
        Assert.Equal("3", await apex.InnerTextAsync("#selected-count"));
        await apex.ClickAsync("#assign-selected");
        await apex.WaitForSelectorAsync("#flash");
        Assert.Equal(3, await apex.Locator("#decision-grid tr[data-key-row]").CountAsync());

        // The first undecided agent has the focus: confirm two with the keyboard, decline the third with a reason, save with Ctrl+Enter.
        Assert.Equal("leave-0", await apex.EvaluateAsync<string>("document.activeElement.id"));
        var declined = await apex.GetAttributeAsync("#decision-grid tr[data-key-row]:nth-child(3)", "data-agent");
        await apex.Keyboard.PressAsync("c");
        Assert.Equal("leave-1", await apex.EvaluateAsync<string>("document.activeElement.id"));
        await apex.Keyboard.PressAsync("c");
        await apex.Keyboard.PressAsync("d");
        Assert.Equal("reason-2", await apex.EvaluateAsync<string>("document.activeElement.id"));
        await apex.Keyboard.TypeAsync("Family emergency");
        Assert.Contains("2 to confirm, 1 to decline", await apex.InnerTextAsync("#decision-summary"));
        await app.ScreenshotAsync(apex, "en-shift-decisions");
        await apex.Keyboard.PressAsync("Control+Enter");
        await apex.WaitForSelectorAsync("#flash");

        Assert.Contains("2 confirmed, 1 declined.", await apex.InnerTextAsync("#flash"));
        Assert.Equal("2", await apex.GetAttributeAsync("#confirmed-count", "data-confirmed"));
        Assert.Contains("2 of 3", await apex.InnerTextAsync("#confirmed-count"));
        Assert.Equal("Declined", await apex.GetAttributeAsync($"#decision-grid tr[data-agent='{declined}']", "data-status"));
        Assert.Contains("Family emergency", await apex.InnerTextAsync($"#decision-grid tr[data-agent='{declined}'] [data-decline-reason]"));

        var shift = (await apexApi.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Shifts.Get(shiftId)))!;
        Assert.Equal(2, (int)shift["shift"]!["confirmed"]!);
        var assignments = shift["assignments"]!.AsArray().Select(a => a!.AsObject()).ToList();
        Assert.Equal(3, assignments.Count);
        Assert.Equal(2, assignments.Count(a => (string)a["status"]! == "confirmed" && (string)a["decidedBy"]! == "apex@demo.test"));
        var no = assignments.Single(a => (string)a["externalRef"]! == declined);
        Assert.Equal("declined", (string)no["status"]!);
        Assert.Equal("Family emergency", (string)no["declineReason"]!);
    }

    [Fact]
    public async Task A_vendor_subscribes_to_a_private_calendar_address_that_a_new_one_revokes()
    {
        var day = DemoToday().AddDays(40);
        using var plannerApi = await app.ApiClientAsync("planner@demo.test");
        var eventId = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.Events.Create, new
        {
            name = $"Calendar drill {Guid.NewGuid():N}"[..24], startDate = DateOnly.FromDateTime(day), endDate = DateOnly.FromDateTime(day),
            intervalMinutes = 30, serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        }))["id"]!;
        var apexShift = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.Shifts.Create, new
        {
            eventId, vendorId = await app.VendorIdAsync("demo", "Apex BPO"), skill = "PRESALES",
            startsAtLocal = Local(day.AddHours(9)), endsAtLocal = Local(day.AddHours(17)), headcount = 3,
        }))["shift"]!["id"]!;
        var harborShift = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.Shifts.Create, new
        {
            eventId, vendorId = await app.VendorIdAsync("demo", "Harbor Contact"), skill = "AFTERSALES",
            startsAtLocal = Local(day.AddHours(9)), endsAtLocal = Local(day.AddHours(17)), headcount = 2,
        }))["shift"]!["id"]!;

        var apex = await app.SignInAsync("apex@demo.test");
        await apex.GotoAsync(Pages.Demo.Shifts);
        await apex.ClickAsync("#calendar-subscribe");
        var first = await apex.InputValueAsync("#calendar-link input");
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/api/calendar/vpc_[0-9a-f]{12}_[0-9a-f]+\.ics$", first);

        // A calendar app has no cookie or token: the address alone reads Apex's shifts, never Harbor's.
        using var calendarApp = new HttpClient();
        using (var feed = await calendarApp.GetAsync(first))
        {
            Assert.Equal(System.Net.HttpStatusCode.OK, feed.StatusCode);
            Assert.Equal("text/calendar", feed.Content.Headers.ContentType?.MediaType);
            var text = await feed.Content.ReadAsStringAsync();
            Assert.Contains($"UID:{apexShift}@vendorportal", text);
            Assert.DoesNotContain($"UID:{harborShift}@vendorportal", text);
        }

        await apex.ClickAsync("#calendar-subscribe");
        var second = await apex.InputValueAsync("#calendar-link input");
        Assert.NotEqual(first, second);
        using (var revoked = await calendarApp.GetAsync(first)) Assert.Equal(System.Net.HttpStatusCode.NotFound, revoked.StatusCode);
        using (var current = await calendarApp.GetAsync(second)) Assert.Equal(System.Net.HttpStatusCode.OK, current.StatusCode);
        using (var forged = await calendarApp.GetAsync(second[..^8] + "0000.ics")) Assert.Equal(System.Net.HttpStatusCode.NotFound, forged.StatusCode);
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, ApiRoute route, object body)
    {
        using var response = await client.SendAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Today in the demo tenant's time zone, which is how requests and shifts read times.</summary>
    private DateTime DemoToday() => app.Today("Asia/Shanghai");

    private static string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
