using System.Globalization;
using VendorPortal.Tests.Billing;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Readiness;

/// <summary>
/// Readiness figures and status on a host whose clock the test moves (tenant demo, Asia/Shanghai: confirmation deadline
/// 48 h, alert lead times 72 and 48 h, confirmed 100 % and trained 90 % of the requirement for green).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ReadinessClockTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private AppFactory App => clocked.App;

    [Fact]
    public async Task A_shift_counts_its_assigned_and_confirmed_agents_and_only_confirmed_ones_trained_for_this_event()
    {
        var demo = await App.Demo;
        var today = DemoToday(clocked.Clock);
        var day = today.AddDays(10);
        var trainingDay = today.AddDays(2);
        Guid eventId, shiftId, forThisEvent, forOtherEvent;
        List<Guid> agents;
        using (var planner = await App.ClientFor(DemoData.Planner))
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            eventId = await planner.NewEventAsync(day, 1);
            var otherEvent = await planner.NewEventAsync(day.AddDays(5), 1);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Wall(day, 9), Wall(day, 17), 4);
            agents = await apex.AgentsAsync(5);
            await apex.AssignedAsync(shiftId, [.. agents]);
            await apex.ConfirmedAsync((await apex.AssignmentIdsAsync(shiftId, agents)).Take(3));

            // Agent 0 (confirmed) passes this event's training, agent 1 (confirmed) another event's, agent 3 (only assigned) this event's.
            forThisEvent = await planner.SessionAsync(eventId, trainingDay, 9, 12);
            forOtherEvent = await planner.SessionAsync(otherEvent, trainingDay, 13, 16);
            await apex.EnrolledAsync(forThisEvent, agents[0], agents[3]);
            await apex.EnrolledAsync(forOtherEvent, agents[1]);
        }

        clocked.Clock.SetUtcNow(new DateTimeOffset(Wall(trainingDay, 17), Shanghai));
        using var plannerLater = await App.ClientFor(DemoData.Planner);
        await plannerLater.PassedAsync(forThisEvent, agents[0], agents[3]);
        await plannerLater.PassedAsync(forOtherEvent, agents[1]);

        var page = await plannerLater.ReadinessAsync($"eventId={eventId}");
        Assert.Equal(100, (int)page["thresholds"]!["confirmedPercent"]!);
        Assert.Equal(90, (int)page["thresholds"]!["trainedPercent"]!);
        var item = Assert.Single(page["items"]!.AsArray())!.AsObject();
        Assert.Equal(shiftId, Guid.Parse((string)item["shiftId"]!));
        Assert.Equal(eventId, Guid.Parse((string)item["eventId"]!));
        Assert.Equal("Apex BPO", (string)item["vendorName"]!);
        Assert.Equal("PRESALES", (string)item["skill"]!);
        var start = new DateTimeOffset(Wall(day, 9), Shanghai);
        Assert.EndsWith("+08:00", (string)item["startsAt"]!);
        Assert.Equal(start, DateTimeOffset.Parse((string)item["startsAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal(start - TimeSpan.FromHours(48), DateTimeOffset.Parse((string)item["confirmBy"]!, CultureInfo.InvariantCulture));

        Assert.Equal(4, (int)item["required"]!);
        Assert.Equal(5, (int)item["assigned"]!);
        Assert.Equal(3, (int)item["confirmed"]!);
        Assert.Equal(1, (int)item["confirmedAndTrained"]!);
        var showRate = (double)item["showRate"]!;
        Assert.InRange(showRate, 0.01, 0.99);
        Assert.Equal(3 * showRate, (double)item["expectedAttendance"]!, 0.051);
        Assert.Equal(0, (double)item["probability"]!);
        // Eight days out with every place assigned: short of confirmations and training, not yet red.
        Assert.Equal("amber", (string)item["status"]!);
        Assert.Equal(["3 of 4 confirmed", "2 confirmed agents not trained"], item.Reasons());
    }

    [Fact]
    public async Task The_probability_is_the_binomial_tail_at_the_prior_show_rate_of_a_vendor_without_attendance_records()
    {
        var vendorId = await App.NewVendorAsync("就绪度");
        using var vendor = await App.VendorKeyClientAsync(vendorId);
        var today = DemoToday(clocked.Clock);
        var day = today.AddDays(12);
        var trainingDay = today.AddDays(3);
        Guid eventId, fiveForFour, fourForFour, session;
        List<Guid> agents;
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            eventId = await planner.NewEventAsync(day, 1);
            fiveForFour = await planner.NewShiftAsync(eventId, vendorId, Wall(day, 8), Wall(day, 12), 4);
            fourForFour = await planner.NewShiftAsync(eventId, vendorId, Wall(day, 13), Wall(day, 17), 4);
            agents = await vendor.AgentsAsync(5);
            await vendor.AssignedAsync(fiveForFour, [.. agents]);
            await vendor.AssignedAsync(fourForFour, [.. agents.Take(4)]);
            await vendor.ConfirmedAsync(await vendor.AssignmentIdsAsync(fiveForFour, agents));
            await vendor.ConfirmedAsync(await vendor.AssignmentIdsAsync(fourForFour, agents.Take(4)));
            session = await planner.SessionAsync(eventId, trainingDay, 9, 12);
            await vendor.EnrolledAsync(session, [.. agents.Take(4)]);
        }

        clocked.Clock.SetUtcNow(new DateTimeOffset(Wall(trainingDay, 13), Shanghai));
        using var plannerLater = await App.ClientFor(DemoData.Planner);
        await plannerLater.PassedAsync(session, [.. agents.Take(4)]);
        var page = await plannerLater.ReadinessAsync($"eventId={eventId}");
        var items = page["items"]!.AsArray().ToDictionary(i => Guid.Parse((string)i!["shiftId"]!), i => i!.AsObject());

        // No attendance recorded: the prior alone, (0 + 9) / (0 + 10) = 0.9.
        var five = items[fiveForFour];
        Assert.Equal(0.9, (double)five["showRate"]!);
        Assert.Equal(4.5, (double)five["expectedAttendance"]!);
        // P[X ≥ 4] for X ~ Binomial(5, 0.9) = C(5,4)·0.9⁴·0.1 + 0.9⁵ = 5 × 0.6561 × 0.1 + 0.59049 = 0.32805 + 0.59049 = 0.91854.
        Assert.Equal(0.91854, (double)five["probability"]!, 0.0001);
        Assert.Equal(4, (int)five["confirmedAndTrained"]!);
        Assert.Equal("green", (string)five["status"]!);
        Assert.Empty(five.Reasons());

        // P[X ≥ 4] for X ~ Binomial(4, 0.9) = 0.9⁴ = 0.6561: every confirmed agent must come, below the 0.8 for green.
        var four = items[fourForFour];
        Assert.Equal(3.6, (double)four["expectedAttendance"]!);
        Assert.Equal(0.6561, (double)four["probability"]!, 0.0001);
        Assert.Equal("amber", (string)four["status"]!);
        Assert.Equal(["65% likely to reach 4"], four.Reasons());

        var summary = page["summary"]!;
        Assert.Equal(2, (int)summary["shifts"]!);
        Assert.Equal(1, (int)summary["green"]!);
        Assert.Equal(1, (int)summary["amber"]!);
        Assert.Equal(0, (int)summary["red"]!);
        Assert.Equal(8, (int)summary["required"]!);
        Assert.Equal(9, (int)summary["confirmed"]!);
        Assert.Equal(8, (int)summary["confirmedAndTrained"]!);
        Assert.Equal(8.1, (double)summary["expectedAttendance"]!);
    }

    [Fact]
    public async Task The_show_rate_comes_from_the_vendors_recorded_attendance_of_the_last_180_days()
    {
        var vendorId = await App.NewVendorAsync("出勤");
        using var vendor = await App.VendorKeyClientAsync(vendorId);
        var day = DemoToday(clocked.Clock).AddDays(3);
        var start = new DateTimeOffset(Wall(day, 9), Shanghai);
        Guid eventId, later;
        List<Guid> worked;
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            eventId = await planner.NewEventAsync(day, 10);
            var first = await planner.NewShiftAsync(eventId, vendorId, Wall(day, 9), Wall(day, 13), 4);
            later = await planner.NewShiftAsync(eventId, vendorId, Wall(day.AddDays(7), 9), Wall(day.AddDays(7), 17), 2);
            var agents = await vendor.AgentsAsync(4);
            await vendor.AssignedAsync(first, [.. agents]);
            worked = await vendor.AssignmentIdsAsync(first, agents);
            await vendor.ConfirmedAsync(worked);
            await vendor.AssignedAsync(later, agents[0], agents[1]);
            await vendor.ConfirmedAsync(await vendor.AssignmentIdsAsync(later, agents.Take(2)));

            var before = await planner.ShiftReadinessAsync(eventId, later);
            Assert.Equal(0.9, (double)before["showRate"]!);
            Assert.Equal(1.8, (double)before["expectedAttendance"]!);
            // P[X ≥ 2] for X ~ Binomial(2, 0.9) = 0.9² = 0.81.
            Assert.Equal(0.81, (double)before["probability"]!, 0.0001);
        }

        clocked.Clock.SetUtcNow(start + TimeSpan.FromHours(1));
        using (var recorded = await vendor.AttendAsync(Attended(worked[0], true), Attended(worked[1], true), Attended(worked[2], true), Attended(worked[3], false)))
            await recorded.ShouldBe(HttpStatusCode.OK);
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var after = await planner.ShiftReadinessAsync(eventId, later);
            // 3 of 4 came: (3 + 9) / (4 + 10) = 12 / 14 = 0.857142…; expected 2 × 0.857142 = 1.714 → 1.7; P = 0.857142² = 0.734694.
            Assert.Equal(0.8571, (double)after["showRate"]!);
            Assert.Equal(1.7, (double)after["expectedAttendance"]!);
            Assert.Equal(0.734694, (double)after["probability"]!, 0.0001);
            Assert.Contains("73% likely to reach 2", after.Reasons());
        }

        clocked.Clock.SetUtcNow(start + TimeSpan.FromDays(181));
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var newDay = DemoToday(clocked.Clock).AddDays(5);
            var newEvent = await planner.NewEventAsync(newDay, 1);
            var newShift = await planner.NewShiftAsync(newEvent, vendorId, Wall(newDay, 9), Wall(newDay, 17), 2);
            Assert.Equal(0.9, (double)(await planner.ShiftReadinessAsync(newEvent, newShift))["showRate"]!);
        }
    }

    [Fact]
    public async Task Confirmations_still_short_at_the_confirm_by_time_turn_the_shift_red()
    {
        var demo = await App.Demo;
        var day = DemoToday(clocked.Clock).AddDays(6);
        var start = new DateTimeOffset(Wall(day, 9), Shanghai);
        Guid eventId, shiftId;
        using (var planner = await App.ClientFor(DemoData.Planner))
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            eventId = await planner.NewEventAsync(day, 1);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Wall(day, 9), Wall(day, 17), 2);
            var agents = await apex.AgentsAsync(2);
            await apex.AssignedAsync(shiftId, [.. agents]);
            await apex.ConfirmedAsync((await apex.AssignmentIdsAsync(shiftId, agents)).Take(1));
            var early = await planner.ShiftReadinessAsync(eventId, shiftId);
            Assert.Equal("amber", (string)early["status"]!);
            Assert.DoesNotContain("confirmations overdue", early.Reasons());
        }

        clocked.Clock.SetUtcNow(start - TimeSpan.FromHours(24));
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var late = await planner.ShiftReadinessAsync(eventId, shiftId);
            Assert.Equal("red", (string)late["status"]!);
            var reasons = late.Reasons();
            Assert.Equal(["confirmations overdue", "1 of 2 confirmed"], reasons.Take(2));
            Assert.DoesNotContain(reasons, r => r.Contains("assigned", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Too_few_agents_assigned_turns_red_only_within_the_largest_alert_lead_time()
    {
        var demo = await App.Demo;
        var day = DemoToday(clocked.Clock).AddDays(10);
        var start = new DateTimeOffset(Wall(day, 9), Shanghai);
        Guid eventId, shiftId;
        using (var planner = await App.ClientFor(DemoData.Planner))
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            eventId = await planner.NewEventAsync(day, 1);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Wall(day, 9), Wall(day, 17), 2);
            await apex.AssignedAsync(shiftId, [.. await apex.AgentsAsync(1)]);
            var farOut = await planner.ShiftReadinessAsync(eventId, shiftId);
            Assert.Equal("amber", (string)farOut["status"]!);
            Assert.Contains("1 of 2 assigned", farOut.Reasons());
        }

        // 60 h before the start: inside the 72 h lead time, before the 48 h confirmation deadline.
        clocked.Clock.SetUtcNow(start - TimeSpan.FromHours(60));
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var soon = await planner.ShiftReadinessAsync(eventId, shiftId);
            Assert.Equal("red", (string)soon["status"]!);
            Assert.Equal(["1 of 2 assigned", "0 of 2 confirmed"], soon.Reasons().Take(2));
            Assert.DoesNotContain("confirmations overdue", soon.Reasons());
        }
    }
}
