using System.Net.Http.Headers;
using VendorPortal.Tests.Agents;
using VendorPortal.Tests.Billing;
using VendorPortal.Tests.Readiness;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Planning;

/// <summary>
/// The suggested surge plan through HTTP, in tenant demo (Asia/Shanghai) on a host whose clock the test moves (agents count in a
/// vendor's pool once they passed training, and results are recorded after a session starts). Each test has its own skill and
/// vendors, and names its vendors, so nothing else in the tenant changes its plan.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PlanTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private const int DaysAhead = 75;
    private AppFactory App => clocked.App;

    private sealed record Setup(string Skill, Guid EventId, List<Guid> Vendors, DateOnly Day);

    [Fact]
    public async Task The_plan_covers_the_gap_in_every_interval_with_the_fewest_agent_hours_and_asks_each_vendor_the_binomial_headcount()
    {
        var s = await SetupAsync([30, 30], day => Enumerable.Range(0, 28).Select(k => Row(day, 8 * 60 + k * 30, 20 + 10 * Math.Min(k, 27 - k))));
        using var finance = await App.ClientFor(DemoData.Finance);
        using (var card = await finance.PostCardAsync(s.Vendors[0], s.Skill, "2026-01-01", null, [BillingSetup.Tier(null, 2.5m)]))
            await card.ShouldBe(HttpStatusCode.Created);
        using var planner = await App.ClientFor(DemoData.Planner);

        var plan = await PlanAsync(planner, s, new { });
        var coverage = plan["coverage"]!.AsArray().Select(c => c!.AsObject()).ToList();
        Assert.Equal(28, coverage.Count);
        Assert.All(coverage, c =>
        {
            Assert.Equal((int)c["required"]! - (int)c["inHouse"]! - (int)c["alreadyRequested"]!, (int)c["gap"]!);
            Assert.True((int)c["planned"]! >= (int)c["gap"]!, $"{c["start"]}: planned {c["planned"]} < gap {c["gap"]}");
            Assert.True((int)c["allocated"]! >= (int)c["gap"]!);
        });
        Assert.Empty(plan["shortfalls"]!.AsArray());
        Assert.True((bool)plan["optimal"]!);
        var agentHours = (double)plan["agentHours"]!;
        var bound = (double)plan["lowerBound"]!;
        Assert.True(agentHours >= bound && agentHours <= bound * 1.01, $"{agentHours} vs {bound}");

        var shifts = plan["shifts"]!.AsArray().Select(x => x!.AsObject()).ToList();
        Assert.NotEmpty(shifts);
        Assert.Equal(agentHours, shifts.Sum(x => (int)x["agents"]! * (double)x["hours"]!), 6);
        foreach (var shift in shifts)
        {
            var start = TimeOnly.Parse((string)shift["start"]!);
            var end = TimeOnly.Parse((string)shift["end"]!);
            Assert.Equal(0, (start.Hour * 60 + start.Minute - 8 * 60) % 30);
            Assert.Contains((end - start).TotalHours, new[] { 4.0, 6.0, 8.0 });
            Assert.True(start >= new TimeOnly(8, 0) && end <= new TimeOnly(22, 0));
            var parts = shift["allocations"]!.AsArray().Select(a => a!.AsObject()).ToList();
            Assert.Equal((int)shift["agents"]!, parts.Sum(a => (int)a["agents"]!));
            foreach (var part in parts)
            {
                Assert.Contains(Guid.Parse((string)part["vendorId"]!), s.Vendors);
                Assert.Equal(SmallestHeadcount((int)part["agents"]!, (double)part["showRate"]!, 0.9), (int)part["requested"]!);
            }
        }
        // A fresh vendor's show rate is the prior, 90 %: 10 agents need 13 asked to be 90 % sure (P[X ≥ 10 | 12] = 0.659, P[X ≥ 10 | 13] = 0.966).
        Assert.Equal(13, SmallestHeadcount(10, 0.9, 0.9));

        // Cost: the first vendor's share of the forecast contacts in its shifts, at 2.50 a contact; the second has no card.
        var expected = 0m;
        foreach (var shift in shifts)
            foreach (var part in shift["allocations"]!.AsArray().Where(a => Guid.Parse((string)a!["vendorId"]!) == s.Vendors[0]))
            {
                var from = TimeOnly.Parse((string)shift["start"]!);
                var to = TimeOnly.Parse((string)shift["end"]!);
                var contacts = coverage.Where(c => Local(c) >= from && Local(c) < to)
                    .Sum(c => (double)c["contacts"]! * Math.Min(1.0, (int)part!["agents"]! / (double)(int)c["required"]!));
                expected += Math.Round(2.5m * (decimal)contacts, 2, MidpointRounding.AwayFromZero);
            }
        Assert.Equal(expected, (decimal)plan["estimatedCost"]!);
        Assert.Equal("CNY", (string)plan["currency"]!);

        // The same input gives the same plan.
        var again = await PlanAsync(planner, s, new { });
        Assert.Equal(plan.ToJsonString(), again.ToJsonString());
    }

    [Fact]
    public async Task On_a_case_worked_by_hand_the_plan_is_optimal_and_the_bound_is_proven()
    {
        // Five hours of the same gap G, shifts of exactly 4 hours starting on the half hour inside the window: G agents must start
        // at 08:00 (only shifts starting then cover 08:00) and G more must still be on at 12:30 (those end by 12:00), and no
        // shift does both, so at least 2G shifts of 4 hours: 8G agent-hours, which two rows of shifts achieve.
        var s = await SetupAsync([60], day => Enumerable.Range(0, 10).Select(k => Row(day, 8 * 60 + k * 30, 40)));
        using var planner = await App.ClientFor(DemoData.Planner);
        var plan = await PlanAsync(planner, s, new { shiftLengthsHours = new[] { 4 } });
        var g = (int)plan["coverage"]![0]!["gap"]!;
        Assert.True(g > 0);
        Assert.All(plan["coverage"]!.AsArray(), c => Assert.Equal(g, (int)c!["gap"]!));
        Assert.Equal(8.0 * g, (double)plan["agentHours"]!);
        Assert.Equal(8.0 * g, (double)plan["lowerBound"]!);
        Assert.True((bool)plan["optimal"]!);
        Assert.Equal(2 * g, plan["shifts"]!.AsArray().Sum(x => (int)x!["agents"]!));
        Assert.Contains(plan["shifts"]!.AsArray(), x => (string)x!["start"]! == "08:00");
        Assert.Contains(plan["shifts"]!.AsArray(), x => (string)x!["end"]! == "13:00");

        // Allowing 6-hour shifts changes nothing: one does not fit into the 5-hour window, so the answer stays 8G.
        var wider = await PlanAsync(planner, s, new { shiftLengthsHours = new[] { 4, 6 } });
        Assert.Equal(8.0 * g, (double)wider["agentHours"]!);
        // One-hour shifts cover the gap exactly: 5G agent-hours.
        var exact = await PlanAsync(planner, s, new { shiftLengthsHours = new[] { 1 } });
        Assert.Equal(5.0 * g, (double)exact["agentHours"]!);
        Assert.Equal(5.0 * g, (double)exact["lowerBound"]!);
    }

    [Fact]
    public async Task A_vendor_is_never_asked_for_more_than_its_free_trained_agents_and_what_nobody_can_supply_is_a_shortfall_in_words()
    {
        var s = await SetupAsync([3], day => Enumerable.Range(0, 8).Select(k => Row(day, 18 * 60 + k * 30, 60)));
        using var planner = await App.ClientFor(DemoData.Planner);
        var plan = await PlanAsync(planner, s, new { shiftLengthsHours = new[] { 4 } });
        var gap = (int)plan["coverage"]![0]!["gap"]!;
        Assert.True(gap > 3);
        var parts = plan["shifts"]!.AsArray().SelectMany(x => x!["allocations"]!.AsArray()).ToList();
        Assert.All(parts, a => Assert.True((int)a!["requested"]! <= 3));
        Assert.Equal(SmallestHeadcount((int)parts[0]!["agents"]!, 0.9, 0.9), (int)parts[0]!["requested"]!);
        var agents = (int)parts[0]!["agents"]!;
        var shortfall = Assert.Single(plan["shortfalls"]!.AsArray())!;
        Assert.Equal(gap - agents, (int)shortfall["agents"]!);
        Assert.Equal("planning.shortfall_pool", (string)shortfall["code"]!);
        Assert.Equal($"{s.Skill} on {s.Day:yyyy-MM-dd} from 18:00 to 22:00: {gap - agents} agents no vendor can supply", (string)shortfall["message"]!);

        planner.DefaultRequestHeaders.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        var zh = await PlanAsync(planner, s, new { shiftLengthsHours = new[] { 4 } });
        Assert.Equal($"{s.Skill} 在 {s.Day:yyyy-MM-dd} 18:00 至 22:00：有 {gap - agents} 名坐席没有供应商能提供", (string)zh["shortfalls"]![0]!["message"]!);
    }

    [Fact]
    public async Task Sending_creates_one_request_per_vendor_and_shift_and_planning_again_asks_for_nothing_twice()
    {
        var s = await SetupAsync([20, 20], day => Enumerable.Range(0, 12).Select(k => Row(day, 9 * 60 + k * 30, 50)));
        using var planner = await App.ClientFor(DemoData.Planner);
        var plan = await PlanAsync(planner, s, new { shiftLengthsHours = new[] { 6 } });
        var shifts = plan["shifts"]!.AsArray();
        var expected = shifts.Sum(x => x!["allocations"]!.AsArray().Count);
        Assert.True(expected > 0);

        using var sent = await planner.SendAsync(ApiRoutes.Demo.Events.SendPlan(s.EventId), new { shifts, message = "Suggested plan" });
        await sent.ShouldBe(HttpStatusCode.Created);
        var ids = (await sent.ReadObjectAsync())["requestIds"]!.AsArray().Select(i => Guid.Parse((string)i!)).ToList();
        Assert.Equal(expected, ids.Count);
        var first = await planner.CapacityRequestAsync(ids[0]);
        Assert.Equal(s.Skill, (string)first["skill"]!);
        Assert.Equal("sent", (string)first["status"]!);
        Assert.Equal((int)shifts[0]!["allocations"]![0]!["requested"]!, (int)first["shifts"]![0]!["headcount"]!);

        var again = await PlanAsync(planner, s, new { shiftLengthsHours = new[] { 6 } });
        Assert.Empty(again["shifts"]!.AsArray());
        Assert.All(again["coverage"]!.AsArray(), c =>
        {
            Assert.Equal(0, (int)c!["gap"]!);
            Assert.True((int)c["alreadyRequested"]! >= (int)c["required"]!);
        });
        Assert.Equal(0.0, (double)again["agentHours"]!);
    }

    [Fact]
    public async Task A_bad_allocation_sends_nothing_and_names_the_shift_and_allocation()
    {
        var s = await SetupAsync([20], day => Enumerable.Range(0, 8).Select(k => Row(day, 9 * 60 + k * 30, 50)));
        using var planner = await App.ClientFor(DemoData.Planner);
        var day = s.Day.ToString("yyyy-MM-dd");
        var demo = await App.Demo;
        using var sent = await planner.SendAsync(ApiRoutes.Demo.Events.SendPlan(s.EventId), new
        {
            shifts = new object[]
            {
                new { skill = s.Skill, date = day, start = "09:00", end = "13:00", allocations = new[] { new { vendorId = s.Vendors[0], requested = 3 } } },
                new { skill = s.Skill, date = day, start = "09:00", end = "13:00", allocations = new[] { new { vendorId = demo.ApexInSandbox, requested = 2 } } },
                new { skill = s.Skill, date = day, start = "09:00", end = "23:30", allocations = new[] { new { vendorId = s.Vendors[0], requested = 2 } } },
                new { skill = "NOSUCHSKILL", date = day, start = "9am", end = "13:00", allocations = new[] { new { vendorId = s.Vendors[0], requested = 2 } } },
            },
        });
        var problem = await sent.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        var errors = problem.Errors();
        Assert.Contains("shifts[1].allocations[0].vendorId", errors.Keys);
        Assert.Contains("shifts[2].end", errors.Keys);
        Assert.Contains("shifts[3].skill", errors.Keys);
        Assert.Contains("shifts[3].start", errors.Keys);
        Assert.DoesNotContain(errors.Keys, k => k.StartsWith("shifts[0]", StringComparison.Ordinal));

        var requests = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.CapacityRequests.List.Query($"eventId={s.EventId}"), Json.Options);
        Assert.Equal(0, (int)requests!["total"]!);

        using var wrongCount = await planner.SendAsync(ApiRoutes.Demo.Events.SendPlan(s.EventId), new
        {
            shifts = new[] { new { skill = s.Skill, date = day, start = "09:00", end = "13:00", allocations = new[] { new { vendorId = s.Vendors[0], requested = 0 } } } },
        });
        Assert.Contains("shifts[0].allocations[0].requested", (await wrongCount.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
        var past = DemoToday(App.Clock).AddDays(-1).ToString("yyyy-MM-dd");
        using var inPast = await planner.SendAsync(ApiRoutes.Demo.Events.SendPlan(s.EventId), new
        {
            shifts = new[] { new { skill = s.Skill, date = past, start = "09:00", end = "13:00", allocations = new[] { new { vendorId = s.Vendors[0], requested = 2 } } } },
        });
        Assert.Contains("shifts[0].start", (await inPast.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task Bad_plan_options_are_problems_naming_the_field_and_an_event_without_a_forecast_cannot_be_planned()
    {
        var s = await SetupAsync([5], day => Enumerable.Range(0, 8).Select(k => Row(day, 9 * 60 + k * 30, 50)));
        using var planner = await App.ClientFor(DemoData.Planner);
        async Task<IReadOnlyList<string>> Fields(object body, HttpStatusCode status, Guid? eventId = null)
        {
            using var response = await planner.SendAsync(ApiRoutes.Demo.Events.Plan(eventId ?? s.EventId), body);
            return (await response.ShouldBeProblem(status)).ErrorFields();
        }

        Assert.Contains("shiftLengthsHours[1]", await Fields(new { shiftLengthsHours = new[] { 4, 13 } }, HttpStatusCode.BadRequest));
        Assert.Contains("shiftLengthsHours[0]", await Fields(new { shiftLengthsHours = new[] { 0.5 } }, HttpStatusCode.BadRequest));
        Assert.Contains("shiftLengthsHours", await Fields(new { shiftLengthsHours = Array.Empty<int>() }, HttpStatusCode.BadRequest));
        Assert.Contains("startStepMinutes", await Fields(new { startStepMinutes = 0 }, HttpStatusCode.BadRequest));
        Assert.Contains("startStepMinutes", await Fields(new { startStepMinutes = 45 }, HttpStatusCode.UnprocessableEntity));
        Assert.Contains("shiftLengthsHours[0]", await Fields(new { shiftLengthsHours = new[] { 4.25 } }, HttpStatusCode.UnprocessableEntity));
        Assert.Contains("targetShowProbability", await Fields(new { targetShowProbability = 1.0 }, HttpStatusCode.BadRequest));
        Assert.Contains("targetShowProbability", await Fields(new { targetShowProbability = 0.0 }, HttpStatusCode.BadRequest));
        var demo = await App.Demo;
        Assert.Contains("vendorIds[1]", await Fields(new { vendorIds = new[] { s.Vendors[0], demo.ApexInSandbox } }, HttpStatusCode.UnprocessableEntity));

        var bare = await planner.NewEventAsync(daysAhead: DaysAhead, days: 1);
        Assert.Contains("eventId", await Fields(new { }, HttpStatusCode.UnprocessableEntity, bare));
        using var unknown = await planner.SendAsync(ApiRoutes.Demo.Events.Plan(Guid.NewGuid()), new { });
        await unknown.ShouldBeProblem(HttpStatusCode.NotFound);
        using var unknownSend = await planner.SendAsync(ApiRoutes.Demo.Events.SendPlan(Guid.NewGuid()), new
        {
            shifts = new[] { new { skill = s.Skill, date = s.Day.ToString("yyyy-MM-dd"), start = "09:00", end = "13:00", allocations = new[] { new { vendorId = s.Vendors[0], requested = 2 } } } },
        });
        await unknownSend.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Only_planners_and_admins_plan_a_vendor_is_told_there_is_no_such_thing_and_another_tenant_finds_nothing()
    {
        var s = await SetupAsync([5], day => Enumerable.Range(0, 8).Select(k => Row(day, 9 * 60 + k * 30, 50)));
        using var admin = await App.ClientFor(DemoData.Admin);
        using var finance = await App.ClientFor(DemoData.Finance);
        using var apex = await App.ClientFor(DemoData.Apex);
        using var sandbox = await App.ClientFor(DemoData.SandboxAdmin);
        using (var ok = await admin.SendAsync(ApiRoutes.Demo.Events.Plan(s.EventId), new { vendorIds = s.Vendors })) await ok.ShouldBe(HttpStatusCode.OK);
        using (var refused = await finance.SendAsync(ApiRoutes.Demo.Events.Plan(s.EventId), new { })) await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var hidden = await apex.SendAsync(ApiRoutes.Demo.Events.Plan(s.EventId), new { })) await hidden.ShouldBeProblem(HttpStatusCode.NotFound);
        using (var hidden = await apex.SendAsync(ApiRoutes.Demo.Events.SendPlan(s.EventId), new { shifts = Array.Empty<object>() })) await hidden.ShouldBeProblem(HttpStatusCode.NotFound);
        using (var foreign = await sandbox.SendAsync(ApiRoutes.For("sandbox").Events.Plan(s.EventId), new { })) await foreign.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_plan_page_shows_the_shifts_per_vendor_and_its_one_button_sends_them_and_returns_to_the_event()
    {
        // Six erlangs need more agents than either vendor's six, so both are asked whichever comes first (their show
        // rates and prices tie, and their names are random).
        var s = await SetupAsync([6, 6], day => Enumerable.Range(0, 8).Select(k => Row(day, 18 * 60 + k * 30, 60)));
        using var planner = await App.CookieClientFor(DemoData.Planner);
        var query = "?lengths=4&" + string.Join("&", s.Vendors.Select(v => $"vendors={v}"));
        var html = await planner.GetStringAsync(Pages.Demo.Plan(s.EventId) + query);
        Assert.Contains("id=\"send-plan\"", html);
        Assert.Contains("vp-plan-shift", html);
        Assert.Contains("18:00 – 22:00", html);
        var eventPage = await planner.GetStringAsync(Pages.Demo.Event(s.EventId));
        Assert.Contains($"href=\"/t/demo/events/{s.EventId}/plan\"", eventPage);

        using var sent = await planner.PostFormAsync(Pages.Demo.Plan(s.EventId) + query, "Send",
            [new("lengths", "4"), .. s.Vendors.Select(v => new KeyValuePair<string, string>("vendors", v.ToString())),
             new("message", "From the plan page")]);
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        Assert.Equal(Pages.Demo.Event(s.EventId), sent.Headers.Location?.OriginalString);
        using var api = await App.ClientFor(DemoData.Planner);
        var requests = await api.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.CapacityRequests.List.Query($"eventId={s.EventId}"), Json.Options);
        Assert.Equal(2, (int)requests!["total"]!);
        Assert.All(requests["items"]!.AsArray(), r => Assert.Equal("From the plan page", (string)r!["message"]!));
    }

    /// <summary>P[X ≥ agents] for X ~ Binomial(n, p), summed term by term: the test's own arithmetic, not the app's.</summary>
    private static double AtLeast(int agents, int n, double p)
    {
        var total = 0.0;
        for (var k = agents; k <= n; k++)
        {
            var choose = 1.0;
            for (var i = 1; i <= k; i++) choose = choose * (n - k + i) / i;
            total += choose * Math.Pow(p, k) * Math.Pow(1 - p, n - k);
        }
        return total;
    }

    private static int SmallestHeadcount(int agents, double p, double target)
    {
        var n = agents;
        while (AtLeast(agents, n, p) < target) n++;
        return n;
    }

    private static TimeOnly Local(JsonObject coverage) => TimeOnly.FromDateTime(DateTimeOffset.Parse((string)coverage["start"]!).DateTime);

    private static object Row(DateOnly day, int minute, double contacts) => new
    {
        skill = "", date = day.ToString("yyyy-MM-dd"), start = $"{minute / 60:00}:{minute % 60:00}", contacts, ahtSeconds = 180,
    };

    private async Task<JsonObject> PlanAsync(HttpClient planner, Setup s, object options)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(options)!.AsObject();
        body["vendorIds"] ??= new JsonArray([.. s.Vendors.Select(v => JsonValue.Create(v.ToString()))]);
        using var response = await planner.SendAsync(ApiRoutes.Demo.Events.Plan(s.EventId), body);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    /// <summary>
    /// A skill of the test's own, a vendor per entry with that many agents trained for it (a session tomorrow, the clock moved past
    /// it, passes recorded), and a one-day event <see cref="DaysAhead"/> days out with the forecast the rows give.
    /// </summary>
    private async Task<Setup> SetupAsync(int[] trainedPerVendor, Func<DateOnly, IEnumerable<object>> rows)
    {
        using var admin = await App.ClientFor(DemoData.Admin);
        using var planner = await App.ClientFor(DemoData.Planner);
        var skill = $"PL{Guid.NewGuid().ToString("N")[..8].ToUpperInvariant()}";
        using (var created = await admin.SendAsync(ApiRoutes.Demo.Skills.Create, new { code = skill, name = "Plan test " + skill }))
            await created.ShouldBe(HttpStatusCode.Created);
        var tomorrow = DemoToday(App.Clock).AddDays(1);
        Guid session;
        using (var created = await planner.SendAsync(ApiRoutes.Demo.Training.Create, new
        {
            title = $"Plan {skill}", skills = new[] { skill }, capacity = 500,
            startsAtLocal = Wall(tomorrow, 9), endsAtLocal = Wall(tomorrow, 12), location = "Room 2",
        }))
        {
            await created.ShouldBe(HttpStatusCode.Created);
            session = (await created.ReadObjectAsync())["session"]!.Id();
        }
        var vendors = new List<Guid>();
        var trained = new List<Guid>();
        foreach (var count in trainedPerVendor)
        {
            var vendorId = await App.NewVendorAsync("计划供应商");
            vendors.Add(vendorId);
            using var vendor = await App.VendorKeyClientAsync(vendorId);
            var agents = new List<Guid>();
            for (var i = 0; i < count; i++) agents.Add(await vendor.NewAgentAsync($"计划 Agent {i}", "active", skill));
            await vendor.EnrolledAsync(session, [.. agents]);
            trained.AddRange(agents);
        }
        clocked.Clock.Advance(TimeSpan.FromDays(2));
        using var fresh = await App.ClientFor(DemoData.Planner);
        await fresh.PassedAsync(session, [.. trained]);

        var day = DateOnly.FromDateTime(PinnedClock.StartDay.AddDays(DaysAhead));
        var eventId = await fresh.NewEventAsync(day, 1);
        var forecast = rows(day).Select(r => System.Text.Json.JsonSerializer.SerializeToNode(r)!.AsObject()).ToList();
        foreach (var row in forecast) row["skill"] = skill;
        using (var put = await fresh.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(eventId), new { rows = forecast }))
            await put.ShouldBe(HttpStatusCode.OK);
        return new Setup(skill, eventId, vendors, day);
    }
}
