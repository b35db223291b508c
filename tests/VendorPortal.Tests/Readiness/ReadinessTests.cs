using VendorPortal.Tests.Agents;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Readiness;

[Collection(AppCollection.Name)]
public sealed class ReadinessTests(AppFactory app)
{
    [Fact]
    public async Task A_vendor_manager_sees_only_their_own_vendors_shifts()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 40);
        var apexShift = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(40, 9), Local(40, 17), 3);
        var harborShift = await planner.NewShiftAsync(eventId, demo.HarborInDemo, Local(40, 9), Local(40, 17), 2, skill: "AFTERSALES");

        var all = await planner.ReadinessAsync($"eventId={eventId}");
        Assert.Equal(["Apex BPO", "Harbor Contact"], all["items"]!.AsArray().Select(i => (string)i!["vendorName"]!).Order());
        Assert.Equal(5, (int)all["summary"]!["required"]!);

        var harborView = await harbor.ReadinessAsync($"eventId={eventId}");
        Assert.Equal(harborShift, Assert.Single(harborView["items"]!.AsArray())!["shiftId"]!.GetValue<Guid>());
        Assert.Equal(1, (int)harborView["total"]!);
        Assert.Equal(1, (int)harborView["summary"]!["shifts"]!);
        Assert.Equal(2, (int)harborView["summary"]!["required"]!);
        var apexView = await apex.ReadinessAsync($"eventId={eventId}");
        Assert.Equal(apexShift, Assert.Single(apexView["items"]!.AsArray())!["shiftId"]!.GetValue<Guid>());

        var everything = await harbor.ReadinessAsync($"to={Uri.EscapeDataString(app.Now.AddDays(60).ToString("O"))}&pageSize=200");
        Assert.Contains(everything["items"]!.AsArray(), i => i!["shiftId"]!.GetValue<Guid>() == harborShift);
        Assert.All(everything["items"]!.AsArray(), i => Assert.Equal(demo.HarborInDemo, i!["vendorId"]!.GetValue<Guid>()));
        using var foreign = await harbor.SendAsync(ApiRoutes.Demo.Readiness.Query($"vendorId={demo.ApexInDemo}"));
        await foreign.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_list_is_paged_and_filtered_by_status_while_the_summary_counts_every_shift_matched()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        var eventId = await planner.NewEventAsync(daysAhead: 1, days: 10);
        // Tomorrow with nobody assigned is red; a week later it is only amber.
        var soon = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(1, 9), Local(1, 17), 2);
        var later = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(8, 9), Local(8, 17), 3);

        var first = await planner.ReadinessAsync($"eventId={eventId}&pageSize=1");
        Assert.Equal(soon, Assert.Single(first["items"]!.AsArray())!["shiftId"]!.GetValue<Guid>());
        Assert.Equal(2, (int)first["total"]!);
        Assert.Equal(1, (int)first["pageSize"]!);
        var summary = first["summary"]!;
        Assert.Equal(2, (int)summary["shifts"]!);
        Assert.Equal(1, (int)summary["red"]!);
        Assert.Equal(1, (int)summary["amber"]!);
        Assert.Equal(0, (int)summary["green"]!);
        Assert.Equal(5, (int)summary["required"]!);
        Assert.Equal(0, (int)summary["assigned"]!);
        var second = await planner.ReadinessAsync($"eventId={eventId}&pageSize=1&page=2");
        Assert.Equal(later, Assert.Single(second["items"]!.AsArray())!["shiftId"]!.GetValue<Guid>());
        Assert.Equal("amber", (string)second["items"]![0]!["status"]!);

        var red = await planner.ReadinessAsync($"eventId={eventId}&status=red");
        var item = Assert.Single(red["items"]!.AsArray())!.AsObject();
        Assert.Equal(soon, item["shiftId"]!.GetValue<Guid>());
        Assert.Equal("red", (string)item["status"]!);
        Assert.Contains("0 of 2 assigned", item.Reasons());
        Assert.Equal(1, (int)red["total"]!);
        Assert.Equal(2, (int)red["summary"]!["shifts"]!);
    }

    [Fact]
    public async Task Wrong_queries_are_refused_and_finance_has_no_readiness()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        using (var status = await planner.SendAsync(ApiRoutes.Demo.Readiness.Query("status=purple")))
            await status.ShouldBeProblem(HttpStatusCode.BadRequest);
        using (var range = await planner.SendAsync(ApiRoutes.Demo.Readiness.Query("from=2026-12-10T00:00:00Z&to=2026-12-01T00:00:00Z")))
            Assert.Contains("to", (await range.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
        using (var page = await planner.SendAsync(ApiRoutes.Demo.Readiness.Query("pageSize=500")))
            await page.ShouldBeProblem(HttpStatusCode.BadRequest);
        using (var unknown = await planner.SendAsync(ApiRoutes.Demo.Readiness.Query($"eventId={Guid.NewGuid()}")))
            await unknown.ShouldBeProblem(HttpStatusCode.NotFound);
        using var finance = await app.ClientFor(DemoData.Finance);
        using var refused = await finance.SendAsync(ApiRoutes.Demo.Readiness);
        await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_page_shows_the_demo_events_shifts_with_status_badges_and_a_vendor_only_their_own()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        var events = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.List.Query("pageSize=200"), Json.Options);
        var promotion = events!["items"]!.AsArray().Single(e => (string)e!["name"]! == "Double 12")!.Id();
        using var planner = await app.ClientFor(DemoData.Planner);
        var readiness = await planner.ReadinessAsync($"eventId={promotion}&pageSize=200");
        var shifts = readiness["items"]!.AsArray().Select(i => i!.AsObject()).ToList();
        Assert.NotEmpty(shifts);

        using var plannerPage = await app.CookieClientFor(DemoData.Planner);
        var html = await plannerPage.GetStringAsync($"{Pages.Demo.Readiness}?event={promotion}");
        foreach (var shift in shifts)
        {
            var id = (string)shift["shiftId"]!;
            Assert.Contains($"data-shift=\"{id}\" data-status=\"{(string)shift["status"]!}\"", html);
            Assert.Contains($"href=\"{Pages.Demo.Shift(id)}\"", html);
        }
        Assert.Contains("data-readiness-status=", html);
        Assert.Contains("data-summary=\"red\"", html);
        Assert.Contains("Harbor Contact", html);

        using var apexPage = await app.CookieClientFor(DemoData.Apex);
        var apexHtml = await apexPage.GetStringAsync($"{Pages.Demo.Readiness}?event={promotion}");
        foreach (var shift in shifts)
        {
            var mine = shift["vendorId"]!.GetValue<Guid>() == demo.ApexInDemo;
            Assert.Equal(mine, apexHtml.Contains($"data-shift=\"{(string)shift["shiftId"]!}\"", StringComparison.Ordinal));
        }
        Assert.DoesNotContain("Harbor Contact", apexHtml);

        var eventPage = await plannerPage.GetStringAsync(Pages.Demo.Event(promotion));
        Assert.Contains($"href=\"{Pages.Demo.Readiness}?event={promotion}\"", eventPage);
        using var defaultPage = await plannerPage.GetAsync(Pages.Demo.Readiness);
        Assert.Equal(HttpStatusCode.OK, defaultPage.StatusCode);
        Assert.Contains("id=\"readiness-table\"", await defaultPage.Content.ReadAsStringAsync());
    }
}
