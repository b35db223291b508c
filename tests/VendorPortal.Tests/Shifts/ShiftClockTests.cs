using System.Globalization;
using VendorPortal.Tests.Agents;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Shifts;

/// <summary>Deadlines that pass: on a host whose clock the test moves (tenant demo, Asia/Shanghai, deadline 48 h).</summary>
[Collection(AppCollection.Name)]
public sealed class ShiftClockTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private AppFactory App => clocked.App;

    [Fact]
    public async Task An_answer_after_the_respond_by_time_is_kept_and_marked_late()
    {
        var demo = await App.Demo;
        var today = DemoToday(clocked.Clock);
        var day = today.AddDays(10);
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var eventId = await planner.NewEventAsync(day, 1);
            var request = await planner.RequestAsync(eventId, demo.ApexInDemo, [Plan(Wall(day, 9), Wall(day, 17), 4)], respondBy: Wall(today.AddDays(2), 12));
            Assert.False((bool)request["overdue"]!);

            clocked.Clock.Advance(TimeSpan.FromDays(3));
            using var apex = await App.ClientFor(DemoData.Apex);
            Assert.True((bool)(await apex.CapacityRequestAsync(request.Id()))["overdue"]!);
            var answered = await apex.RespondAsync(request, "Sorry, we were closed.", 4);
            Assert.True((bool)answered["respondedLate"]!);
            Assert.False((bool)answered["overdue"]!);
            Assert.Equal("full", (string)answered["answer"]!);
            Assert.NotNull(answered["shifts"]![0]!["shiftId"]);

            using var plannerLater = await App.ClientFor(DemoData.Planner);
            var fill = await plannerLater.GetFromJsonAsync<JsonArray>(ApiRoutes.Demo.Events.Fill(eventId), Json.Options);
            Assert.True((bool)fill!.Single()!["vendors"]![0]!["late"]!);
        }
    }

    [Fact]
    public async Task A_late_answer_cannot_commit_agents_to_a_shift_that_has_already_started()
    {
        var demo = await App.Demo;
        var today = DemoToday(clocked.Clock);
        JsonObject request;
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var eventId = await planner.NewEventAsync(today.AddDays(3), 5);
            request = await planner.RequestAsync(eventId, demo.ApexInDemo,
                [Plan(Wall(today.AddDays(3), 9), Wall(today.AddDays(3), 17), 4), Plan(Wall(today.AddDays(6), 9), Wall(today.AddDays(6), 17), 4)],
                respondBy: Wall(today.AddDays(1), 12));
        }

        clocked.Clock.SetUtcNow(new DateTimeOffset(Wall(today.AddDays(3), 10), Shanghai));
        using var apex = await App.ClientFor(DemoData.Apex);
        using (var both = await apex.PostResponseAsync(request, null, [4, 4]))
        {
            var errors = (await both.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
            Assert.Equal(["shifts[0].committed"], errors.Keys);
            Assert.Contains("already started", errors["shifts[0].committed"]);
        }
        var answered = await apex.RespondAsync(request, null, 0, 4);
        Assert.Equal("partial", (string)answered["answer"]!);
        Assert.True((bool)answered["respondedLate"]!);
        Assert.Null(answered["shifts"]![0]!["shiftId"]);
        Assert.NotNull(answered["shifts"]![1]!["shiftId"]);
    }

    [Fact]
    public async Task A_shift_that_has_started_can_no_longer_be_cancelled()
    {
        var demo = await App.Demo;
        var day = DemoToday(clocked.Clock).AddDays(2);
        Guid shiftId;
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var eventId = await planner.NewEventAsync(day, 1);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Wall(day, 9), Wall(day, 17), 2);
        }

        clocked.Clock.SetUtcNow(new DateTimeOffset(Wall(day, 12), Shanghai));
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            using var cancelled = await planner.SendAsync(ApiRoutes.Demo.Shifts.Cancel(shiftId), new { reason = "Too late" });
            Assert.Contains("started", (string)(await cancelled.ShouldBeProblem(HttpStatusCode.Conflict))["detail"]!);
            Assert.Equal("scheduled", (string)(await planner.ShiftAsync(shiftId))["shift"]!["status"]!);
        }
    }

    [Fact]
    public async Task A_shift_that_has_started_can_no_longer_be_moved()
    {
        var demo = await App.Demo;
        var day = DemoToday(clocked.Clock).AddDays(2);
        Guid shiftId;
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var eventId = await planner.NewEventAsync(day, 2);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Wall(day, 9), Wall(day, 17), 2);
        }

        clocked.Clock.SetUtcNow(new DateTimeOffset(Wall(day, 12), Shanghai));
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            using var moved = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Wall(day.AddDays(1), 9), Wall(day.AddDays(1), 17)));
            var problem = await moved.ShouldBeProblem(HttpStatusCode.Conflict);
            Assert.Equal("shift.started", (string?)problem["code"]);
            Assert.Equal(new DateTimeOffset(Wall(day, 9), Shanghai), DateTimeOffset.Parse((string)(await planner.ShiftAsync(shiftId))["shift"]!["startsAt"]!, CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task A_decision_inside_the_confirmation_deadline_is_kept_and_marked_late()
    {
        var demo = await App.Demo;
        var day = DemoToday(clocked.Clock).AddDays(6);
        var start = new DateTimeOffset(Wall(day, 9), Shanghai);
        Guid shiftId;
        List<Guid> ids;
        using (var planner = await App.ClientFor(DemoData.Planner))
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            var eventId = await planner.NewEventAsync(day, 1);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Wall(day, 9), Wall(day, 17), 3);
            Assert.Equal(start - TimeSpan.FromHours(48), DateTimeOffset.Parse((string)(await apex.ShiftAsync(shiftId))["shift"]!["confirmBy"]!, System.Globalization.CultureInfo.InvariantCulture));
            var agents = await apex.AgentsAsync(3);
            await apex.AssignedAsync(shiftId, [.. agents]);
            ids = await apex.AssignmentIdsAsync(shiftId, agents);
            using var early = await apex.DecideAsync(Confirm(ids[0]));
            var result = await early.ReadObjectAsync();
            Assert.Equal(1, (int)result["confirmed"]!);
            Assert.Equal(0, (int)result["late"]!);
        }

        clocked.Clock.SetUtcNow(start - TimeSpan.FromHours(24));
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            using var late = await apex.DecideAsync(Confirm(ids[1]), Decline(ids[2], "Sick"), Confirm(ids[0]));
            await late.ShouldBe(HttpStatusCode.OK);
            var result = await late.ReadObjectAsync();
            Assert.Equal(1, (int)result["confirmed"]!);
            Assert.Equal(1, (int)result["declined"]!);
            Assert.Equal(1, (int)result["unchanged"]!);
            Assert.Equal(2, (int)result["late"]!);
            var rows = (await apex.ShiftAsync(shiftId))["assignments"]!.AsArray().ToDictionary(a => a!.Id());
            Assert.False((bool)rows[ids[0]]!["late"]!);
            Assert.True((bool)rows[ids[1]]!["late"]!);
            Assert.True((bool)rows[ids[2]]!["late"]!);
        }
    }

    [Fact]
    public async Task Attendance_is_recorded_after_the_shift_starts_for_confirmed_agents_only()
    {
        var demo = await App.Demo;
        var day = DemoToday(clocked.Clock).AddDays(4);
        var start = new DateTimeOffset(Wall(day, 9), Shanghai);
        Guid shiftId;
        List<Guid> ids;
        using (var planner = await App.ClientFor(DemoData.Planner))
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            var eventId = await planner.NewEventAsync(day, 1);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Wall(day, 9), Wall(day, 13), 3);
            var agents = await apex.AgentsAsync(3);
            await apex.AssignedAsync(shiftId, [.. agents]);
            ids = await apex.AssignmentIdsAsync(shiftId, agents);
            using (var confirmed = await apex.DecideAsync(Confirm(ids[0]), Confirm(ids[1]))) await confirmed.ShouldBe(HttpStatusCode.OK);

            using var early = await apex.AttendAsync(Attended(ids[0], true));
            var errors = (await early.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
            Assert.Contains("not started", errors["[0].assignmentId"]);
        }

        clocked.Clock.SetUtcNow(start + TimeSpan.FromHours(1));
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            using (var unconfirmed = await apex.AttendAsync(Attended(ids[0], true), Attended(ids[2], true)))
            {
                var errors = (await unconfirmed.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
                Assert.Equal(["[1].assignmentId"], errors.Keys);
                Assert.Contains("confirmed", errors["[1].assignmentId"]);
            }
            Assert.All((await apex.ShiftAsync(shiftId))["assignments"]!.AsArray(), a => Assert.Null(a!["attended"]));
            using (var tooLate = await apex.DecideAsync(Confirm(ids[2])))
                Assert.Contains("started", (await tooLate.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors()["[0].assignmentId"]);
            using (var assignLate = await apex.AssignAsync(shiftId, await apex.NewAgentInAsync("demo", "PRESALES")))
                await assignLate.ShouldBeProblem(HttpStatusCode.Conflict);

            using var recorded = await apex.AttendAsync(Attended(ids[0], true), Attended(ids[1], false));
            await recorded.ShouldBe(HttpStatusCode.OK);
            var result = await recorded.ReadObjectAsync();
            Assert.Equal(1, (int)result["attended"]!);
            Assert.Equal(1, (int)result["noShows"]!);
            var shift = await apex.ShiftAsync(shiftId);
            Assert.Equal(1, (int)shift["shift"]!["attended"]!);
            Assert.Equal(1, (int)shift["shift"]!["noShows"]!);
            var rows = shift["assignments"]!.AsArray().ToDictionary(a => a!.Id());
            Assert.True((bool)rows[ids[0]]!["attended"]!);
            Assert.False((bool)rows[ids[1]]!["attended"]!);
            Assert.Null(rows[ids[2]]!["attended"]);
        }
    }
}
