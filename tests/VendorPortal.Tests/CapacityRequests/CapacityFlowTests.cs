using VendorPortal.Tests.Shifts;
using VendorPortal.Tests.Agents;

namespace VendorPortal.Tests.CapacityRequests;

[Collection(AppCollection.Name)]
public sealed class CapacityFlowTests(AppFactory app)
{
    [Fact]
    public async Task A_planner_asks_a_vendor_the_vendor_commits_part_and_the_commitment_becomes_the_vendors_shift()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 30);
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo,
        [
            ShiftSetup.Plan(ShiftSetup.Local(30, 8), ShiftSetup.Local(30, 16), 10),
            ShiftSetup.Plan(ShiftSetup.Local(30, 16), ShiftSetup.Local(31, 0), 6),
        ]);
        Assert.Equal("sent", (string)request["status"]!);
        Assert.Equal(16, (int)request["requested"]!);
        Assert.Equal("+08:00", ((string)request["shifts"]![0]!["startsAt"]!)[^6..]);

        var inbox = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.CapacityRequests.List.Query("status=sent&pageSize=200"), Json.Options);
        Assert.Contains(inbox!["items"]!.AsArray(), r => r!.Id() == request.Id());

        var answered = await apex.RespondAsync(request, "Night shift is short-staffed.", 10, 4);
        Assert.Equal("responded", (string)answered["status"]!);
        Assert.Equal("partial", (string)answered["answer"]!);
        Assert.Equal(14, (int)answered["committed"]!);
        Assert.False((bool)answered["respondedLate"]!);
        var shiftId = Guid.Parse((string)answered["shifts"]![1]!["shiftId"]!);

        var shift = await apex.ShiftAsync(shiftId);
        Assert.Equal(4, (int)shift["shift"]!["headcount"]!);
        Assert.Equal(5, (int)shift["shift"]!["limit"]!);
        Assert.Equal((string)request["shifts"]![1]!["startsAt"]!, (string)shift["shift"]!["startsAt"]!);

        using var again = await apex.SendAsync(ApiRoutes.Demo.CapacityRequests.Respond(request.Id()), new { shifts = Array.Empty<object>(), message = "no" });
        await again.ShouldBeProblem(HttpStatusCode.Conflict);

        var fill = await planner.GetFromJsonAsync<JsonArray>(ApiRoutes.Demo.Events.Fill(eventId), Json.Options);
        var night = fill!.Single(s => (string)s!["startsAt"]! == (string)request["shifts"]![1]!["startsAt"]!)!;
        Assert.Equal(6, (int)night["needed"]!);
        Assert.Equal(4, (int)night["committed"]!);
        Assert.Equal(2, (int)night["gap"]!);
    }

    [Fact]
    public async Task Assign_confirm_and_decline_with_the_trail_of_who_decided()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 33);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(33, 9), ShiftSetup.Local(33, 17), 2);
        var agents = await apex.AgentsAsync(3);

        using (var assigned = await apex.AssignAsync(shiftId, [.. agents]))
            await assigned.ShouldBe(HttpStatusCode.OK);
        var shift = await apex.ShiftAsync(shiftId);
        var ids = shift["assignments"]!.AsArray().Select(a => a!.Id()).ToList();
        Assert.Equal(3, ids.Count);

        using (var decided = await apex.DecideAsync(ShiftSetup.Confirm(ids[0]), ShiftSetup.Confirm(ids[1]), ShiftSetup.Decline(ids[2], "Sick")))
        {
            await decided.ShouldBe(HttpStatusCode.OK);
            var result = await decided.ReadObjectAsync();
            Assert.Equal(2, (int)result["confirmed"]!);
            Assert.Equal(1, (int)result["declined"]!);
            Assert.Equal(0, (int)result["late"]!);
        }
        shift = await apex.ShiftAsync(shiftId);
        Assert.Equal(2, (int)shift["shift"]!["confirmed"]!);
        Assert.Equal(2, (int)shift["shift"]!["assigned"]!);
        var declined = shift["assignments"]!.AsArray().Single(a => a!.Id() == ids[2])!;
        Assert.Equal("Sick", (string)declined["declineReason"]!);
        Assert.Equal("apex@demo.test", (string)declined["decidedBy"]!);
    }

    [Fact]
    public async Task Bulk_confirmation_with_one_bad_row_changes_nothing_and_names_the_row()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 34);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(34, 9), ShiftSetup.Local(34, 17), 3);
        using (var assigned = await apex.AssignAsync(shiftId, [.. await apex.AgentsAsync(3)]))
            await assigned.ShouldBe(HttpStatusCode.OK);
        var ids = (await apex.ShiftAsync(shiftId))["assignments"]!.AsArray().Select(a => a!.Id()).ToList();

        using var response = await apex.DecideAsync(ShiftSetup.Confirm(ids[0]), ShiftSetup.Confirm(ids[1]), new { assignmentId = ids[2], decision = "decline" });
        var problem = await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("[2].reason", problem.ErrorFields());
        var shift = await apex.ShiftAsync(shiftId);
        Assert.All(shift["assignments"]!.AsArray(), a => Assert.Equal("assigned", (string)a!["status"]!));
    }
}
