using VendorPortal.Tests.Agents;

namespace VendorPortal.Tests.Shifts;

[Collection(AppCollection.Name)]
public sealed class AssignmentRuleTests(AppFactory app)
{
    [Fact]
    public async Task Inactive_agents_and_agents_without_the_skill_are_refused_and_nobody_is_assigned()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 65);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(65, 9), ShiftSetup.Local(65, 17), 5);
        var good = await apex.NewAgentAsync();
        var inactive = await apex.NewAgentAsync("Resting Agent", "inactive");
        var hotlineOnly = await apex.NewAgentAsync("Hotline Agent", "active", "HOTLINE");

        using var response = await apex.AssignAsync(shiftId, good, inactive, hotlineOnly);
        var errors = (await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
        Assert.Equal(["agentIds[1]", "agentIds[2]"], errors.Keys.Order());
        Assert.Contains("inactive", errors["agentIds[1]"]);
        Assert.Contains("skill", errors["agentIds[2]"]);
        Assert.Empty((await apex.ShiftAsync(shiftId))["assignments"]!.AsArray());
    }

    [Fact]
    public async Task An_agent_cannot_work_overlapping_shifts_but_may_work_back_to_back()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 66);
        var day = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(66, 9), ShiftSetup.Local(66, 17), 3);
        var overlapping = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(66, 13), ShiftSetup.Local(66, 20), 3);
        var evening = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(66, 17), ShiftSetup.Local(66, 22), 3);
        var agent = await apex.NewAgentAsync("Busy Agent");
        await apex.AssignedAsync(day, agent);

        using (var clash = await apex.AssignAsync(overlapping, agent))
        {
            var errors = (await clash.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
            Assert.Contains("overlaps", errors["agentIds[0]"]);
        }
        // The day shift ends at 17:00 exactly when the evening shift starts: no overlap.
        await apex.AssignedAsync(evening, agent);
        using var twice = await apex.AssignAsync(day, agent);
        Assert.Contains("already on this shift", (await twice.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors()["agentIds[0]"]);
    }

    [Fact]
    public async Task An_agent_in_an_overlapping_training_session_is_refused()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var session = await planner.NewSessionAsync(daysAhead: 67, startHour: 9, endHour: 12);
        var agent = await apex.NewAgentAsync("Trainee");
        using (var enrolled = await apex.EnrollAsync(session.Id(), agent)) await enrolled.ShouldBe(HttpStatusCode.OK);
        var eventId = await planner.NewEventAsync(daysAhead: 67);
        var during = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(67, 11), ShiftSetup.Local(67, 15), 2);
        var after = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(67, 12), ShiftSetup.Local(67, 18), 2);

        using (var refused = await apex.AssignAsync(during, agent))
        {
            var message = (await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors()["agentIds[0]"];
            Assert.Contains("training", message);
            Assert.Contains((string)session["title"]!, message);
        }
        await apex.AssignedAsync(after, agent);

        // The other way round: an agent on a shift cannot be enrolled in a session overlapping it.
        var later = await planner.NewSessionAsync(daysAhead: 67, startHour: 16, endHour: 19);
        using var busy = await apex.EnrollAsync(later.Id(), agent);
        Assert.Contains("on a shift", (await busy.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors()["agentIds"]);
    }

    [Fact]
    public async Task Weekly_hours_are_counted_per_local_week_and_the_refusal_names_the_hours()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var monday = app.Today().AddDays(70);
        while (monday.DayOfWeek != DayOfWeek.Monday) monday = monday.AddDays(1);
        var eventId = await planner.NewEventAsync(monday, days: 8);
        async Task<Guid> ShiftAsync(DateOnly day, int from, int to) =>
            await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Wall(day, from), ShiftSetup.Wall(day, to), 2);
        var agent = await apex.NewAgentInAsync("demo", "PRESALES", maxWeeklyHours: 16);

        await apex.AssignedAsync(await ShiftAsync(monday, 9, 17), agent);
        await apex.AssignedAsync(await ShiftAsync(monday.AddDays(1), 9, 17), agent);
        using (var third = await apex.AssignAsync(await ShiftAsync(monday.AddDays(2), 9, 17), agent))
        {
            var message = (await third.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors()["agentIds[0]"];
            Assert.Contains("24 hours", message);
            Assert.Contains($"week of {monday:yyyy-MM-dd}", message);
            Assert.Contains("16", message);
        }
        // Midnight to 08:00 on the next local Monday is still Sunday in UTC, but it is the next week in Shanghai.
        await apex.AssignedAsync(await ShiftAsync(monday.AddDays(7), 0, 8), agent);
    }

    [Fact]
    public async Task A_shift_takes_its_headcount_plus_the_buffer_and_no_more()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 68);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(68, 9), ShiftSetup.Local(68, 17), 10);
        var agents = await apex.AgentsAsync(13);
        Assert.Equal(12, (int)(await apex.ShiftAsync(shiftId))["shift"]!["limit"]!);

        await apex.AssignedAsync(shiftId, [.. agents.Take(12)]);
        using var thirteenth = await apex.AssignAsync(shiftId, agents[12]);
        var problem = await thirteenth.ShouldBeProblem(HttpStatusCode.Conflict);
        Assert.Contains("12", (string)problem["detail"]!);
        Assert.Equal(12, (int)(await apex.ShiftAsync(shiftId))["shift"]!["assigned"]!);
    }

    [Fact]
    public async Task Two_assignments_racing_for_the_last_place_one_wins_and_the_other_gets_409()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        using var apexAgain = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 69, days: 1);
        for (var round = 0; round < 5; round++)
        {
            // Headcount 1 with the 20% buffer takes 2: one place is filled, the racers want the other.
            var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(69, 2 * round), ShiftSetup.Local(69, 2 * round + 1), 1);
            var agents = await apex.AgentsAsync(3);
            await apex.AssignedAsync(shiftId, agents[0]);

            var responses = await Task.WhenAll(apex.AssignAsync(shiftId, agents[1]), apexAgain.AssignAsync(shiftId, agents[2]));
            Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
            await responses.Single(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBeProblem(HttpStatusCode.Conflict);
            foreach (var r in responses) r.Dispose();

            var shift = await apex.ShiftAsync(shiftId);
            Assert.Equal(2, (int)shift["shift"]!["assigned"]!);
            Assert.Equal(2, shift["assignments"]!.AsArray().Count);
        }
    }

    [Fact]
    public async Task Declining_frees_the_place_and_a_declined_agent_cannot_then_be_confirmed()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 71);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(71, 9), ShiftSetup.Local(71, 17), 1);
        var agents = await apex.AgentsAsync(3);
        await apex.AssignedAsync(shiftId, agents[0], agents[1]);
        using (var full = await apex.AssignAsync(shiftId, agents[2])) await full.ShouldBeProblem(HttpStatusCode.Conflict);
        var ids = await apex.AssignmentIdsAsync(shiftId, agents.Take(2));

        using (var declined = await apex.DecideAsync(ShiftSetup.Decline(ids[1], "Family matters")))
            Assert.Equal(1, (int)(await declined.ReadObjectAsync())["declined"]!);
        await apex.AssignedAsync(shiftId, agents[2]);

        using (var confirm = await apex.DecideAsync(ShiftSetup.Confirm(ids[1])))
            Assert.Contains("[0].decision", (await confirm.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal("declined", await apex.StatusOfAsync(shiftId, ids[1]));
    }

    [Fact]
    public async Task Repeating_a_confirmation_changes_nothing_and_a_decline_needs_a_reason()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 72);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(72, 9), ShiftSetup.Local(72, 17), 2);
        var agents = await apex.AgentsAsync(2);
        await apex.AssignedAsync(shiftId, [.. agents]);
        var ids = await apex.AssignmentIdsAsync(shiftId, agents);

        using (var first = await apex.DecideAsync(ShiftSetup.Confirm(ids[0])))
            Assert.Equal(1, (int)(await first.ReadObjectAsync())["confirmed"]!);
        var decidedAt = (string)(await apex.ShiftAsync(shiftId))["assignments"]!.AsArray().Single(a => a!.Id() == ids[0])!["decidedAt"]!;
        using (var again = await apex.DecideAsync(ShiftSetup.Confirm(ids[0])))
        {
            var result = await again.ReadObjectAsync();
            Assert.Equal(0, (int)result["confirmed"]!);
            Assert.Equal(1, (int)result["unchanged"]!);
        }
        Assert.Equal(decidedAt, (string)(await apex.ShiftAsync(shiftId))["assignments"]!.AsArray().Single(a => a!.Id() == ids[0])!["decidedAt"]!);

        using var noReason = await apex.DecideAsync(new { assignmentId = ids[1], decision = "decline", reason = "  " });
        Assert.Equal(["[0].reason"], (await noReason.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        Assert.Equal("assigned", await apex.StatusOfAsync(shiftId, ids[1]));
    }

    [Fact]
    public async Task A_bulk_confirmation_with_one_wrong_row_among_many_changes_nothing()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 73);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(73, 9), ShiftSetup.Local(73, 17), 10);
        var agents = await apex.AgentsAsync(10);
        await apex.AssignedAsync(shiftId, [.. agents]);
        var ids = await apex.AssignmentIdsAsync(shiftId, agents);

        var rows = ids.Select((id, i) => i % 3 == 0 ? ShiftSetup.Decline(id, "Exam") : ShiftSetup.Confirm(id)).ToList();
        rows.Insert(7, ShiftSetup.Confirm(Guid.NewGuid()));
        using var response = await apex.DecideAsync([.. rows]);
        Assert.Equal(["[7].assignmentId"], (await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        var shift = await apex.ShiftAsync(shiftId);
        Assert.All(shift["assignments"]!.AsArray(), a => Assert.Equal("assigned", (string)a!["status"]!));
        Assert.Equal(10, (int)shift["shift"]!["assigned"]!);
        Assert.Equal(0, (int)shift["shift"]!["declined"]!);
    }

    [Fact]
    public async Task Cancelling_a_shift_releases_its_agents_tells_the_vendor_and_frees_them_for_another_shift()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 74);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(74, 9), ShiftSetup.Local(74, 17), 2);
        var other = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(74, 10), ShiftSetup.Local(74, 18), 2);
        var agents = await apex.AgentsAsync(2);
        await apex.AssignedAsync(shiftId, [.. agents]);
        var ids = await apex.AssignmentIdsAsync(shiftId, agents);
        using (var confirmed = await apex.DecideAsync(ShiftSetup.Confirm(ids[0]))) await confirmed.ShouldBe(HttpStatusCode.OK);

        var reason = $"Forecast dropped {Guid.NewGuid():N}";
        using (var cancelled = await planner.SendAsync(ApiRoutes.Demo.Shifts.Cancel(shiftId), new { reason }))
        {
            await cancelled.ShouldBe(HttpStatusCode.OK);
            var shift = await cancelled.ReadObjectAsync();
            Assert.Equal("cancelled", (string)shift["shift"]!["status"]!);
            Assert.Equal(reason, (string)shift["shift"]!["cancelReason"]!);
            Assert.Equal(0, (int)shift["shift"]!["assigned"]!);
            Assert.All(shift["assignments"]!.AsArray(), a => Assert.Equal("released", (string)a!["status"]!));
        }
        var mail = await app.WaitForMailToAsync(DemoData.Apex, m => m.TextBody?.Contains(reason) == true);
        Assert.Contains($"{ShiftSetup.Local(74, 9):yyyy-MM-dd} 09:00", mail.Single().Subject);

        await apex.AssignedAsync(other, [.. agents]);
        using (var decided = await apex.DecideAsync(ShiftSetup.Confirm(ids[1])))
            Assert.Contains("[0].assignmentId", (await decided.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using (var assignAgain = await apex.AssignAsync(shiftId, agents[0]))
            await assignAgain.ShouldBeProblem(HttpStatusCode.Conflict);
        var list = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Shifts.List.Query($"eventId={eventId}"), Json.Options);
        Assert.DoesNotContain(list!["items"]!.AsArray(), s => s!.Id() == shiftId);
        var all = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Shifts.List.Query($"eventId={eventId}&includeCancelled=true"), Json.Options);
        Assert.Contains(all!["items"]!.AsArray(), s => s!.Id() == shiftId);
    }
}
