using System.Globalization;
using VendorPortal.Tests.Agents;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Shifts;

/// <summary>Shifts in tenant sandbox (Europe/London) across the nights the clocks change, and a vendor serving two zones.</summary>
[Collection(AppCollection.Name)]
public sealed class ShiftTimeZoneTests(AppFactory app)
{
    private static readonly DateOnly SpringForward = new(2027, 3, 28);
    private static readonly DateOnly FallBack = new(2027, 10, 31);

    [Fact]
    public async Task The_night_the_clocks_go_forward_is_three_real_hours_and_a_skipped_time_is_refused()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.SandboxAdmin);
        var eventId = await admin.NewEventAsync(SpringForward.AddDays(-6), 7, "sandbox");

        var shift = await CreatedAsync(admin, eventId, demo.ApexInSandbox, Wall(SpringForward, 0), Wall(SpringForward, 4));
        Assert.Equal("2027-03-28T00:00:00+00:00", (string)shift["startsAt"]!);
        Assert.Equal("2027-03-28T04:00:00+01:00", (string)shift["endsAt"]!);
        Assert.Equal(TimeSpan.FromHours(3), Instant(shift["endsAt"]) - Instant(shift["startsAt"]));

        using (var skipped = await admin.PostShiftAsync(eventId, demo.ApexInSandbox, Wall(SpringForward, 1, 30), Wall(SpringForward, 5), 2, "CHAT", "sandbox"))
        {
            var errors = (await skipped.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
            Assert.Equal(["startsAtLocal"], errors.Keys);
            Assert.Contains("does not exist", errors["startsAtLocal"]);
        }
        using var planned = await admin.PostRequestAsync(eventId, demo.ApexInSandbox,
            [Plan(Wall(SpringForward, 0), Wall(SpringForward, 4), 2), Plan(Wall(SpringForward, 1, 30), Wall(SpringForward, 6), 2)],
            skill: "CHAT", respondBy: Wall(SpringForward.AddDays(-7), 12), tenant: "sandbox");
        Assert.Equal(["shifts[1].startsAtLocal"], (await planned.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task The_night_the_clocks_go_back_is_five_real_hours()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.SandboxAdmin);
        var eventId = await admin.NewEventAsync(FallBack.AddDays(-6), 7, "sandbox");

        var shift = await CreatedAsync(admin, eventId, demo.ApexInSandbox, Wall(FallBack, 0), Wall(FallBack, 4));
        Assert.Equal("2027-10-31T00:00:00+01:00", (string)shift["startsAt"]!);
        Assert.Equal("2027-10-31T04:00:00+00:00", (string)shift["endsAt"]!);
        Assert.Equal(TimeSpan.FromHours(5), Instant(shift["endsAt"]) - Instant(shift["startsAt"]));

        // 01:30 happens twice that night; the first (summer time) is taken.
        var ambiguous = await CreatedAsync(admin, eventId, demo.ApexInSandbox, Wall(FallBack, 1, 30), Wall(FallBack, 3));
        Assert.Equal("2027-10-31T01:30:00+01:00", (string)ambiguous["startsAt"]!);
        Assert.Equal(TimeSpan.FromHours(2.5), Instant(ambiguous["endsAt"]) - Instant(ambiguous["startsAt"]));

        // Twelve hours on the wall clock are thirteen real ones that night: longer than a shift may last.
        using var tooLong = await admin.PostShiftAsync(eventId, demo.ApexInSandbox, Wall(FallBack, 0), Wall(FallBack, 12), 2, "CHAT", "sandbox");
        var errors = (await tooLong.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
        Assert.Equal(["endsAtLocal"], errors.Keys);
        Assert.Contains("13 real hours", errors["endsAtLocal"]);
    }

    [Fact]
    public async Task Weekly_hours_count_real_hours_across_a_clock_change()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.SandboxAdmin);
        using var apex = await app.ClientFor(DemoData.Apex);

        // Spring: 3 real hours on the short night plus 5 on Saturday make 8, within a limit of 8 (the wall clock says 9).
        var spring = await admin.NewEventAsync(SpringForward.AddDays(-6), 7, "sandbox");
        var springAgent = await apex.NewAgentInAsync("sandbox", "CHAT", maxWeeklyHours: 8);
        var saturday = (await CreatedAsync(admin, spring, demo.ApexInSandbox, Wall(SpringForward.AddDays(-1), 9), Wall(SpringForward.AddDays(-1), 14))).Id();
        var shortNight = (await CreatedAsync(admin, spring, demo.ApexInSandbox, Wall(SpringForward, 0), Wall(SpringForward, 4))).Id();
        using (var first = await apex.AssignAsync("sandbox", saturday, springAgent)) await first.ShouldBe(HttpStatusCode.OK);
        using (var second = await apex.AssignAsync("sandbox", shortNight, springAgent)) await second.ShouldBe(HttpStatusCode.OK);

        // Autumn: 5 real hours on the long night plus 4 on Saturday make 9, above a limit of 8 (the wall clock says 8).
        var autumn = await admin.NewEventAsync(FallBack.AddDays(-6), 7, "sandbox");
        var autumnAgent = await apex.NewAgentInAsync("sandbox", "CHAT", maxWeeklyHours: 8);
        var longNight = (await CreatedAsync(admin, autumn, demo.ApexInSandbox, Wall(FallBack, 0), Wall(FallBack, 4))).Id();
        var saturdayBefore = (await CreatedAsync(admin, autumn, demo.ApexInSandbox, Wall(FallBack.AddDays(-1), 10), Wall(FallBack.AddDays(-1), 14))).Id();
        using (var first = await apex.AssignAsync("sandbox", longNight, autumnAgent)) await first.ShouldBe(HttpStatusCode.OK);
        using var over = await apex.AssignAsync("sandbox", saturdayBefore, autumnAgent);
        var message = (await over.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors()["agentIds[0]"];
        Assert.Contains("9 hours", message);
        Assert.Contains("week of 2027-10-25", message);
    }

    [Fact]
    public async Task A_vendor_serving_two_tenants_sees_each_tenants_shifts_in_its_own_zone()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var sandboxAdmin = await app.ClientFor(DemoData.SandboxAdmin);
        using var apex = await app.ClientFor(DemoData.Apex);
        var demoEvent = await planner.NewEventAsync(daysAhead: 90);
        var demoShift = await planner.NewShiftAsync(demoEvent, demo.ApexInDemo, Local(90, 9), Local(90, 17), 2);
        var winter = await sandboxAdmin.NewEventAsync(new DateOnly(2027, 1, 10), 1, "sandbox");
        var winterShift = (await CreatedAsync(sandboxAdmin, winter, demo.ApexInSandbox, Wall(new DateOnly(2027, 1, 10), 9), Wall(new DateOnly(2027, 1, 10), 17))).Id();
        var summer = await sandboxAdmin.NewEventAsync(new DateOnly(2027, 7, 10), 1, "sandbox");
        var summerShift = (await CreatedAsync(sandboxAdmin, summer, demo.ApexInSandbox, Wall(new DateOnly(2027, 7, 10), 9), Wall(new DateOnly(2027, 7, 10), 17))).Id();

        var inDemo = (await apex.ShiftAsync(demoShift))["shift"]!;
        Assert.EndsWith("T09:00:00+08:00", (string)inDemo["startsAt"]!);
        Assert.Equal("2027-01-10T09:00:00+00:00", (string)(await apex.ShiftAsync(winterShift, "sandbox"))["shift"]!["startsAt"]!);
        Assert.Equal("2027-07-10T09:00:00+01:00", (string)(await apex.ShiftAsync(summerShift, "sandbox"))["shift"]!["startsAt"]!);
        var list = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Shifts.List.Query("from=2027-07-10T00:00:00Z&to=2027-07-11T00:00:00Z&pageSize=200"), Json.Options);
        Assert.All(list!["items"]!.AsArray(), s => Assert.EndsWith("+01:00", (string)s!["startsAt"]!));
        Assert.Contains(list["items"]!.AsArray(), s => s!.Id() == summerShift);
    }

    private static async Task<JsonObject> CreatedAsync(HttpClient admin, Guid eventId, Guid vendorId, DateTime start, DateTime end)
    {
        using var response = await admin.PostShiftAsync(eventId, vendorId, start, end, 2, "CHAT", "sandbox");
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadObjectAsync())["shift"]!.AsObject();
    }

    private static DateTimeOffset Instant(JsonNode? value) => DateTimeOffset.Parse((string)value!, CultureInfo.InvariantCulture);
}
