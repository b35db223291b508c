using VendorPortal.Tests.Agents;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.CapacityRequests;

[Collection(AppCollection.Name)]
public sealed class CapacityRequestTests(AppFactory app)
{
    [Fact]
    public async Task Every_wrong_shift_of_a_plan_is_named()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        var eventId = await planner.NewEventAsync(daysAhead: 80, days: 2);

        using (var shape = await planner.PostRequestAsync(eventId, demo.ApexInDemo,
        [
            Plan(Local(80, 9), Local(80, 17), 5),
            Plan(Local(80, 17), Local(80, 9), 5),
            Plan(Local(81, 9), Local(81, 17), 0),
        ]))
        {
            var fields = (await shape.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields();
            Assert.Contains(fields, f => f.Equals("shifts[1].endsAtLocal", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(fields, f => f.Equals("shifts[2].headcount", StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(fields, f => f.StartsWith("shifts[0]", StringComparison.OrdinalIgnoreCase));
        }

        // An event under way: its first morning has passed in Shanghai, which is ahead of UTC.
        var current = await planner.NewEventAsync(daysAhead: 0, days: 3);
        using var rules = await planner.PostRequestAsync(current, demo.ApexInDemo,
        [
            Plan(Local(0, 0), Local(0, 8), 5),
            Plan(Local(2, 9), Local(2, 17), 5),
            Plan(Local(10, 9), Local(10, 17), 5),
            Plan(Local(2, 9), Local(2, 17), 3),
        ], respondBy: Local(1, 12));
        var errors = (await rules.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
        Assert.Equal(["shifts[0].startsAtLocal", "shifts[2].startsAtLocal", "shifts[3].startsAtLocal"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("future", errors["shifts[0].startsAtLocal"]);
        Assert.Contains("outside the event", errors["shifts[2].startsAtLocal"]);
        Assert.Contains("twice", errors["shifts[3].startsAtLocal"]);
        var none = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.CapacityRequests.List.Query($"eventId={current}"), Json.Options);
        Assert.Empty(none!["items"]!.AsArray());
    }

    [Fact]
    public async Task The_answer_is_due_before_the_first_shift_and_only_active_vendors_are_asked()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var admin = await app.ClientFor(DemoData.Admin);
        var eventId = await planner.NewEventAsync(daysAhead: 82);
        object[] plan = [Plan(Local(82, 9), Local(82, 17), 5), Plan(Local(83, 9), Local(83, 17), 5)];

        using (var late = await planner.PostRequestAsync(eventId, demo.ApexInDemo, plan, respondBy: Local(82, 10)))
            Assert.Equal(["respondByLocal"], (await late.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using (var past = await planner.PostRequestAsync(eventId, demo.ApexInDemo, plan, respondBy: Local(-1, 10)))
            Assert.Equal(["respondByLocal"], (await past.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"Dormant BPO {Guid.NewGuid():N}"[..24], status = "inactive" });
        await created.ShouldBe(HttpStatusCode.Created);
        using var inactive = await planner.PostRequestAsync(eventId, (await created.ReadObjectAsync()).Id(), plan);
        var errors = (await inactive.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
        Assert.Contains("inactive", errors["vendorId"]);
        using var shift = await planner.PostShiftAsync(eventId, (await created.ReadObjectAsync()).Id(), Local(82, 9), Local(82, 17), 2);
        Assert.Contains("vendorId", (await shift.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task A_backfill_asks_another_vendor_for_the_same_event_and_skill_and_closes_the_gap()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        var eventId = await planner.NewEventAsync(daysAhead: 84);
        var otherEvent = await planner.NewEventAsync(daysAhead: 84);
        object[] plan = [Plan(Local(84, 9), Local(84, 17), 6)];
        var first = await planner.RequestAsync(eventId, demo.ApexInDemo, plan);
        await apex.RespondAsync(first, "Only four free.", 4);

        using (var sameVendor = await planner.PostRequestAsync(eventId, demo.ApexInDemo, [Plan(Local(84, 9), Local(84, 17), 2)], backfillForId: first.Id()))
            Assert.Equal(["vendorId"], (await sameVendor.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using (var otherSkill = await planner.PostRequestAsync(eventId, demo.HarborInDemo, [Plan(Local(84, 9), Local(84, 17), 2)], skill: "HOTLINE", backfillForId: first.Id()))
            Assert.Equal(["backfillForId"], (await otherSkill.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using (var wrongEvent = await planner.PostRequestAsync(otherEvent, demo.HarborInDemo, [Plan(Local(84, 9), Local(84, 17), 2)], backfillForId: first.Id()))
            Assert.Equal(["backfillForId"], (await wrongEvent.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using (var unknown = await planner.PostRequestAsync(eventId, demo.HarborInDemo, [Plan(Local(84, 9), Local(84, 17), 2)], backfillForId: Guid.NewGuid()))
            Assert.Equal(["backfillForId"], (await unknown.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        var backfill = await planner.RequestAsync(eventId, demo.HarborInDemo, [Plan(Local(84, 9), Local(84, 17), 2)], backfillForId: first.Id());
        Assert.Equal(first.Id().ToString(), (string)backfill["backfillForId"]!);
        var slot = await SlotAsync(planner, eventId);
        Assert.Equal(6, (int)slot["needed"]!);
        Assert.Equal(2, (int)slot["pending"]!);
        Assert.Equal(0, (int)slot["gap"]!);
        Assert.Contains(slot["vendors"]!.AsArray(), v => (bool)v!["backfill"]! && (string)v["vendorId"]! == demo.HarborInDemo.ToString());

        await harbor.RespondAsync(backfill, null, 1);
        slot = await SlotAsync(planner, eventId);
        Assert.Equal(5, (int)slot["committed"]!);
        Assert.Equal(1, (int)slot["gap"]!);
    }

    [Fact]
    public async Task A_vendor_answers_in_full_in_part_or_declines_with_a_reason()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 86);
        object[] plan = [Plan(Local(86, 9), Local(86, 17), 5), Plan(Local(86, 17), Local(86, 23), 3)];

        var full = await apex.RespondAsync(await planner.RequestAsync(eventId, demo.ApexInDemo, plan), null, 5, 3);
        Assert.Equal("full", (string)full["answer"]!);
        Assert.Equal(8, (int)full["committed"]!);
        Assert.All(full["shifts"]!.AsArray(), s => Assert.NotNull(s!["shiftId"]));

        var part = await apex.RespondAsync(await planner.RequestAsync(eventId, demo.ApexInDemo, plan), "Evenings are hard.", 5, 0);
        Assert.Equal("partial", (string)part["answer"]!);
        Assert.Equal(5, (int)part["committed"]!);
        Assert.Null(part["shifts"]![1]!["shiftId"]);
        Assert.Equal(0, (int)part["shifts"]![1]!["committed"]!);

        var toDecline = await planner.RequestAsync(eventId, demo.ApexInDemo, plan);
        using (var silent = await apex.PostResponseAsync(toDecline, "  ", [0, 0]))
            Assert.Equal(["message"], (await silent.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
        using (var tooMany = await apex.PostResponseAsync(toDecline, null, [5, 4]))
        {
            var errors = (await tooMany.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors();
            Assert.Equal(["shifts[1].committed"], errors.Keys);
            Assert.Contains("3", errors["shifts[1].committed"]);
        }
        Assert.Equal("sent", (string)(await apex.CapacityRequestAsync(toDecline.Id()))["status"]!);

        var declined = await apex.RespondAsync(toDecline, "All agents are on another client's sale.", 0, 0);
        Assert.Equal("declined", (string)declined["answer"]!);
        Assert.Equal("All agents are on another client's sale.", (string)declined["responseMessage"]!);
        Assert.All(declined["shifts"]!.AsArray(), s => Assert.Null(s!["shiftId"]));
        var mail = await app.WaitForMailToAsync(DemoData.Planner, m => m.TextBody?.Contains("All agents are on another client's sale.") == true);
        Assert.Contains("Apex BPO", mail.Single().Subject);
    }

    [Fact]
    public async Task Cancelling_an_answered_request_cancels_its_shifts_releases_the_agents_and_tells_the_vendor()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 88);
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo, [Plan(Local(88, 9), Local(88, 17), 3), Plan(Local(89, 9), Local(89, 17), 3)]);
        var answered = await apex.RespondAsync(request, null, 3, 2);
        var shiftIds = answered["shifts"]!.AsArray().Select(s => Guid.Parse((string)s!["shiftId"]!)).ToList();
        var agents = await apex.AgentsAsync(2);
        await apex.AssignedAsync(shiftIds[0], [.. agents]);
        var ids = await apex.AssignmentIdsAsync(shiftIds[0], agents);
        using (var confirmed = await apex.DecideAsync(Confirm(ids[0]))) await confirmed.ShouldBe(HttpStatusCode.OK);

        var reason = $"Campaign moved {Guid.NewGuid():N}";
        using (var noReason = await planner.SendAsync(ApiRoutes.Demo.CapacityRequests.Cancel(request.Id()), new { reason = "" }))
            await noReason.ShouldBeProblem(HttpStatusCode.BadRequest);
        using (var byVendor = await apex.SendAsync(ApiRoutes.Demo.CapacityRequests.Cancel(request.Id()), new { reason }))
            await byVendor.ShouldBeProblem(HttpStatusCode.Forbidden);
        using var cancelled = await planner.SendAsync(ApiRoutes.Demo.CapacityRequests.Cancel(request.Id()), new { reason });
        await cancelled.ShouldBe(HttpStatusCode.OK);
        var body = await cancelled.ReadObjectAsync();
        Assert.Equal("cancelled", (string)body["status"]!);
        Assert.Equal(reason, (string)body["cancelReason"]!);

        foreach (var shiftId in shiftIds)
        {
            var shift = await apex.ShiftAsync(shiftId);
            Assert.Equal("cancelled", (string)shift["shift"]!["status"]!);
            Assert.All(shift["assignments"]!.AsArray(), a => Assert.Equal("released", (string)a!["status"]!));
        }
        var mail = await app.WaitForMailToAsync(DemoData.Apex, m => m.TextBody?.Contains(reason) == true);
        Assert.Contains("2", mail.Single().TextBody);

        using (var answerNow = await apex.PostResponseAsync(request, null, [3, 3]))
            await answerNow.ShouldBeProblem(HttpStatusCode.Conflict);
        var fill = await planner.GetFromJsonAsync<JsonArray>(ApiRoutes.Demo.Events.Fill(eventId), Json.Options);
        Assert.Empty(fill!);
        // The agents are free again for the same hours.
        var replacement = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(88, 9), Local(88, 17), 2);
        await apex.AssignedAsync(replacement, [.. agents]);
    }

    private static async Task<JsonNode> SlotAsync(HttpClient planner, Guid eventId) =>
        (await planner.GetFromJsonAsync<JsonArray>(ApiRoutes.Demo.Events.Fill(eventId), Json.Options))!.Single()!;
}
