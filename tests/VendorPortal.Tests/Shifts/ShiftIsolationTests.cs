using VendorPortal.Tests.Agents;

namespace VendorPortal.Tests.Shifts;

[Collection(AppCollection.Name)]
public sealed class ShiftIsolationTests(AppFactory app)
{
    [Fact]
    public async Task Another_vendor_can_neither_see_nor_answer_a_capacity_request()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 60);
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo, [ShiftSetup.Plan(ShiftSetup.Local(60, 9), ShiftSetup.Local(60, 17), 4)]);

        using (var seen = await harbor.SendAsync(ApiRoutes.Demo.CapacityRequests.Get(request.Id())))
            await seen.ShouldBeProblem(HttpStatusCode.NotFound);
        var inbox = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.CapacityRequests.List.Query($"eventId={eventId}&pageSize=200"), Json.Options);
        Assert.Empty(inbox!["items"]!.AsArray());
        using (var answered = await harbor.PostResponseAsync(request, "Harbor takes it", [4]))
            await answered.ShouldBeProblem(HttpStatusCode.NotFound);

        var untouched = await apex.CapacityRequestAsync(request.Id());
        Assert.Equal("sent", (string)untouched["status"]!);
        Assert.Null(untouched["shifts"]![0]!["committed"]);
    }

    [Fact]
    public async Task Another_vendor_can_neither_see_nor_assign_to_a_shift()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 61);
        var apexShift = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(61, 9), ShiftSetup.Local(61, 17), 3);
        var harborAgent = await harbor.NewAgentAsync();

        using (var seen = await harbor.SendAsync(ApiRoutes.Demo.Shifts.Get(apexShift)))
            await seen.ShouldBeProblem(HttpStatusCode.NotFound);
        var list = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Shifts.List.Query($"eventId={eventId}&pageSize=200"), Json.Options);
        Assert.Empty(list!["items"]!.AsArray());
        using (var assigned = await harbor.AssignAsync(apexShift, harborAgent))
            await assigned.ShouldBeProblem(HttpStatusCode.NotFound);
        Assert.Equal(0, (int)(await apex.ShiftAsync(apexShift))["shift"]!["assigned"]!);
    }

    [Fact]
    public async Task A_vendor_cannot_put_another_vendors_agents_on_its_own_shift()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 62);
        var harborShift = await planner.NewShiftAsync(eventId, demo.HarborInDemo, ShiftSetup.Local(62, 9), ShiftSetup.Local(62, 17), 3);
        var harborAgent = await harbor.NewAgentAsync();
        var apexAgent = await apex.NewAgentAsync();

        using var response = await harbor.AssignAsync(harborShift, harborAgent, apexAgent);
        var errors = (await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
        Assert.Equal(["agentIds[1]"], errors.Keys);
        Assert.Contains("no such agent", errors["agentIds[1]"]);
        Assert.Equal(0, (int)(await harbor.ShiftAsync(harborShift))["shift"]!["assigned"]!);
    }

    [Fact]
    public async Task A_confirmation_or_attendance_batch_naming_another_vendors_assignment_fails_and_changes_nothing()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 63);
        var apexShift = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(63, 9), ShiftSetup.Local(63, 17), 3);
        var harborShift = await planner.NewShiftAsync(eventId, demo.HarborInDemo, ShiftSetup.Local(63, 9), ShiftSetup.Local(63, 17), 3);
        var apexAgent = await apex.NewAgentAsync();
        var harborAgent = await harbor.NewAgentAsync();
        await apex.AssignedAsync(apexShift, apexAgent);
        await harbor.AssignedAsync(harborShift, harborAgent);
        var apexAssignment = (await apex.AssignmentIdsAsync(apexShift, [apexAgent])).Single();
        var harborAssignment = (await harbor.AssignmentIdsAsync(harborShift, [harborAgent])).Single();

        using (var decided = await harbor.DecideAsync(ShiftSetup.Confirm(harborAssignment), ShiftSetup.Decline(apexAssignment, "Not ours")))
        {
            var errors = (await decided.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
            Assert.Equal(["[1].assignmentId"], errors.Keys);
            Assert.Contains("No such assignment", errors["[1].assignmentId"]);
        }
        Assert.Equal("assigned", await harbor.StatusOfAsync(harborShift, harborAssignment));
        Assert.Equal("assigned", await apex.StatusOfAsync(apexShift, apexAssignment));

        using (var attended = await harbor.AttendAsync(ShiftSetup.Attended(apexAssignment, false)))
        {
            var errors = (await attended.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
            Assert.Equal(["[0].assignmentId"], errors.Keys);
            Assert.Contains("No such assignment", errors["[0].assignmentId"]);
        }
        var row = (await apex.ShiftAsync(apexShift))["assignments"]!.AsArray().Single()!;
        Assert.Null(row["attended"]);
        Assert.Equal("assigned", (string)row["status"]!);
    }

    [Fact]
    public async Task A_vendor_in_the_sandbox_tenant_cannot_see_demo_shifts()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 64);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(64, 9), ShiftSetup.Local(64, 17), 2);
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo, [ShiftSetup.Plan(ShiftSetup.Local(64, 9), ShiftSetup.Local(64, 17), 2)]);

        using (var shift = await apex.SendAsync(ApiRoutes.Sandbox.Shifts.Get(shiftId)))
            await shift.ShouldBeProblem(HttpStatusCode.NotFound);
        using (var asked = await apex.SendAsync(ApiRoutes.Sandbox.CapacityRequests.Get(request.Id())))
            await asked.ShouldBeProblem(HttpStatusCode.NotFound);
        using (var assigned = await apex.AssignAsync("sandbox", shiftId, await apex.NewAgentInAsync("sandbox", "CHAT")))
            await assigned.ShouldBeProblem(HttpStatusCode.NotFound);
        var list = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Shifts.List.Query("pageSize=200"), Json.Options);
        Assert.DoesNotContain(list!["items"]!.AsArray(), s => s!.Id() == shiftId);
        var requests = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.CapacityRequests.List.Query("pageSize=200"), Json.Options);
        Assert.DoesNotContain(requests!["items"]!.AsArray(), r => r!.Id() == request.Id());
        // In its own tenant the same manager sees the shift.
        Assert.Equal(shiftId, (await apex.ShiftAsync(shiftId))["shift"]!.Id());
    }
}
