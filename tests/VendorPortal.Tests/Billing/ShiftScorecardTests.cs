using VendorPortal.Tests.Agents;
using VendorPortal.Web.Features.Identity;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Billing;

/// <summary>Confirmation and no-show rates of a vendor of the test's own, on a host whose clock passes the shift's start.</summary>
[Collection(AppCollection.Name)]
public sealed class ShiftScorecardTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Confirmation_and_no_show_rates_count_the_shifts_starting_in_the_range()
    {
        var app = clocked.App;
        var vendorId = await app.NewVendorAsync("排班评分");
        using var vendor = await VendorKeyClientAsync(app, vendorId);
        var day = DemoToday(clocked.Clock).AddDays(3);
        Guid shiftId;
        List<Guid> ids;
        using (var planner = await app.ClientFor(DemoData.Planner))
        {
            var eventId = await planner.NewEventAsync(day, 2);
            shiftId = await planner.NewShiftAsync(eventId, vendorId, Wall(day, 9), Wall(day, 17), 5);
            var cancelled = await planner.NewShiftAsync(eventId, vendorId, Wall(day, 18), Wall(day, 22), 2);
            var nextDay = await planner.NewShiftAsync(eventId, vendorId, Wall(day.AddDays(1), 9), Wall(day.AddDays(1), 17), 2);
            var agents = await vendor.AgentsAsync(5);

            await vendor.AssignedAsync(shiftId, [.. agents]);
            ids = await vendor.AssignmentIdsAsync(shiftId, agents);
            // Three confirmed and one declined; the fifth is still undecided and does not count.
            using (var decided = await vendor.DecideAsync(Confirm(ids[0]), Confirm(ids[1]), Confirm(ids[2]), Decline(ids[3], "Exam")))
                await decided.ShouldBe(HttpStatusCode.OK);

            // A cancelled shift's decisions and a shift on the next day are outside the figures.
            await vendor.AssignedAsync(cancelled, agents[0], agents[1]);
            var late = await vendor.AssignmentIdsAsync(cancelled, agents.Take(2));
            using (var decided = await vendor.DecideAsync(Confirm(late[0]), Decline(late[1], "Tired"))) await decided.ShouldBe(HttpStatusCode.OK);
            using (var cancel = await planner.SendAsync(ApiRoutes.Demo.Shifts.Cancel(cancelled), new { reason = "Volume lower" }))
                await cancel.ShouldBe(HttpStatusCode.OK);
            await vendor.AssignedAsync(nextDay, agents[4]);
            var tomorrow = await vendor.AssignmentIdsAsync(nextDay, [agents[4]]);
            using (var decided = await vendor.DecideAsync(Decline(tomorrow[0], "Wedding"))) await decided.ShouldBe(HttpStatusCode.OK);
        }

        var before = await ScorecardAsync(app, vendorId, day, day);
        Assert.Equal(0.75m, (decimal)before["confirmationRate"]!);
        Assert.Equal(4, (int)before["confirmationDecisions"]!);
        Assert.Null(before["noShowRate"]);
        Assert.Equal(0, (int)before["attendanceRecords"]!);

        clocked.Clock.SetUtcNow(new DateTimeOffset(Wall(day, 11), Shanghai));
        using (var recorded = await vendor.AttendAsync(Attended(ids[0], true), Attended(ids[1], true), Attended(ids[2], false)))
            await recorded.ShouldBe(HttpStatusCode.OK);

        var after = await ScorecardAsync(app, vendorId, day, day);
        Assert.Equal(0.75m, (decimal)after["confirmationRate"]!);
        Assert.Equal(0.3333m, (decimal)after["noShowRate"]!);
        Assert.Equal(3, (int)after["attendanceRecords"]!);

        var nextDayCard = await ScorecardAsync(app, vendorId, day.AddDays(1), day.AddDays(1));
        Assert.Equal(0m, (decimal)nextDayCard["confirmationRate"]!);
        Assert.Equal(1, (int)nextDayCard["confirmationDecisions"]!);
        Assert.Null(nextDayCard["noShowRate"]);

        var both = await ScorecardAsync(app, vendorId, day, day.AddDays(1));
        Assert.Equal(0.6m, (decimal)both["confirmationRate"]!);
        Assert.Equal(5, (int)both["confirmationDecisions"]!);
    }

    /// <summary>The vendor has no manager of its own: a vendor-manager API key acts for it.</summary>
    private static async Task<HttpClient> VendorKeyClientAsync(AppFactory app, Guid vendorId)
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = $"scorecard {Guid.NewGuid():N}", role = TenantRoles.VendorManager, vendorId });
        await created.ShouldBe(HttpStatusCode.Created);
        return app.ApiKeyClient((string)(await created.ReadObjectAsync())["plainTextKey"]!);
    }

    private static async Task<JsonNode> ScorecardAsync(AppFactory app, Guid vendorId, DateOnly from, DateOnly to)
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var page = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Scorecards.Query($"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&vendorId={vendorId}"), Json.Options);
        return page!["items"]!.AsArray().Single()!;
    }
}
