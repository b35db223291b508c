using VendorPortal.Tests.Agents;
using VendorPortal.Tests.Shifts;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.CapacityRequests;

[Collection(AppCollection.Name)]
public sealed class CapacityRequestListTests(AppFactory app)
{
    [Fact]
    public async Task Open_requests_come_first_soonest_due_then_the_page_shows_the_latest_answered_and_the_api_the_rest_by_due_date()
    {
        const int day = 53;
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: day);
        Task<JsonObject> Ask(int hour, int dueInDays) =>
            planner.RequestAsync(eventId, demo.ApexInDemo, [Plan(Local(day, hour), Local(day, hour + 4), 2)], respondBy: Local(dueInDays, 12));

        var answeredFirst = await Ask(8, dueInDays: 6);
        var open = await Ask(12, dueInDays: 3);
        var answeredLast = await Ask(16, dueInDays: 7);
        var openSoonest = await Ask(4, dueInDays: 2);
        await apex.RespondAsync(answeredFirst, null, 2);
        await apex.RespondAsync(answeredLast, null, 1);

        var api = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.CapacityRequests.List.Query($"eventId={eventId}"), Json.Options);
        Assert.Equal([openSoonest.Id(), open.Id(), answeredFirst.Id(), answeredLast.Id()], api!["items"]!.AsArray().Select(r => r!.Id()));

        using var portal = await app.CookieClientFor(DemoData.Planner);
        var page = await portal.GetStringAsync($"{Pages.Demo.Requests}?event={eventId}");
        var shown = new[] { openSoonest, open, answeredLast, answeredFirst }.Select(r => page.IndexOf($"data-request=\"{r.Id()}\"", StringComparison.Ordinal)).ToList();
        Assert.All(shown, at => Assert.True(at > 0));
        Assert.Equal(shown.Order(), shown);
    }
}
