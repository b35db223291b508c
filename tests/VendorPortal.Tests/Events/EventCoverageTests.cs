using VendorPortal.Tests.Agents;
using VendorPortal.Tests.Shifts;

namespace VendorPortal.Tests.Events;

[Collection(AppCollection.Name)]
public sealed class EventCoverageTests(AppFactory app)
{
    private const int DaysAhead = 44;

    private static object Row(int day, string start, double contacts = 60) => new
    {
        skill = "PRESALES", date = PinnedClock.StartDay.AddDays(DaysAhead + day).ToString("yyyy-MM-dd"), start, contacts, ahtSeconds = 180,
    };

    private static JsonNode Interval(JsonObject staffing, int day, string start) =>
        staffing["intervals"]!.AsArray().Single(i => ((string)i!["start"]!).StartsWith(
            $"{PinnedClock.StartDay.AddDays(DaysAhead + day):yyyy-MM-dd}T{start}:00", StringComparison.Ordinal))!;

    private static (int Requested, int Committed, int Confirmed) Figures(JsonNode n) =>
        ((int)n["requestedAgents"]!, (int)n["committedAgents"]!, (int)n["confirmedAgents"]!);

    [Fact]
    public async Task Staffing_counts_the_agents_requested_committed_and_confirmed_on_shift_at_each_interval_and_the_days_highest()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        var eventId = await planner.NewEventAsync(daysAhead: DaysAhead, days: 2);
        using (var forecast = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(eventId), new
        {
            rows = new[] { Row(0, "07:30"), Row(0, "08:00"), Row(0, "12:00"), Row(0, "15:30"), Row(0, "16:00"), Row(1, "09:00") },
        }))
            await forecast.ShouldBe(HttpStatusCode.OK);

        var request = await planner.RequestAsync(eventId, demo.ApexInDemo,
        [
            ShiftSetup.Plan(ShiftSetup.Local(DaysAhead, 8), ShiftSetup.Local(DaysAhead, 16), 6),
            ShiftSetup.Plan(ShiftSetup.Local(DaysAhead, 12), ShiftSetup.Local(DaysAhead, 20), 4),
            ShiftSetup.Plan(ShiftSetup.Local(DaysAhead + 1, 8), ShiftSetup.Local(DaysAhead + 1, 16), 3),
        ]);
        var answered = await apex.RespondAsync(request, "The second day is short.", 5, 4, 0);
        var morning = Guid.Parse((string)answered["shifts"]![0]!["shiftId"]!);
        using (var assigned = await apex.AssignAsync(morning, [.. await apex.AgentsAsync(3)]))
            await assigned.ShouldBe(HttpStatusCode.OK);
        var ids = (await apex.ShiftAsync(morning))["assignments"]!.AsArray().Select(a => a!.Id()).ToList();
        using (var decided = await apex.DecideAsync(ShiftSetup.Confirm(ids[0]), ShiftSetup.Confirm(ids[1]), ShiftSetup.Decline(ids[2], "Exam that day")))
            await decided.ShouldBe(HttpStatusCode.OK);
        var open = await planner.RequestAsync(eventId, demo.HarborInDemo,
            [ShiftSetup.Plan(ShiftSetup.Local(DaysAhead, 12), ShiftSetup.Local(DaysAhead, 14), 2)]);

        var staffing = (await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Staffing(eventId), Json.Options))!;
        Assert.Equal((0, 0, 0), Figures(Interval(staffing, 0, "07:30")));
        Assert.Equal((6, 5, 2), Figures(Interval(staffing, 0, "08:00")));
        Assert.Equal((12, 9, 2), Figures(Interval(staffing, 0, "12:00")));
        Assert.Equal((10, 9, 2), Figures(Interval(staffing, 0, "15:30")));
        // A shift ending at 16:00 no longer covers the interval starting then.
        Assert.Equal((4, 4, 0), Figures(Interval(staffing, 0, "16:00")));
        // Nothing committed on the second day: the vendor's answer made no shift there.
        Assert.Equal((3, 0, 0), Figures(Interval(staffing, 1, "09:00")));
        var days = staffing["days"]!.AsArray();
        Assert.Equal((12, 9, 2), Figures(days[0]!));
        Assert.Equal((3, 0, 0), Figures(days[1]!));
        Assert.Contains("capacity requests", (string)staffing["summary"]!);

        // A vendor manager counts only their own vendor's requests and shifts.
        var harborView = (await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Staffing(eventId), Json.Options))!;
        Assert.Equal((2, 0, 0), Figures(Interval(harborView, 0, "12:00")));
        Assert.Equal((0, 0, 0), Figures(Interval(harborView, 0, "08:00")));

        // A withdrawn request asks for nothing any more.
        using (var cancelled = await planner.SendAsync(ApiRoutes.Demo.CapacityRequests.Cancel(open.Id()), new { reason = "Apex covers it." }))
            await cancelled.ShouldBe(HttpStatusCode.OK);
        staffing = (await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Staffing(eventId), Json.Options))!;
        Assert.Equal((10, 9, 2), Figures(Interval(staffing, 0, "12:00")));
    }
}
