using VendorPortal.Tests.Billing;
using VendorPortal.Tests.Readiness;
using VendorPortal.Web.Features.Alerts;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Alerts;

/// <summary>
/// Readiness alerts on a host whose clock the test moves (tenant demo: lead times 72 and 48 h, confirm-by 48 h before the
/// shift, confirmed 100 % and trained 90 % of the requirement). The evaluation job runs as Hangfire runs it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AlertTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private AppFactory App => clocked.App;

    [Fact]
    public async Task A_shift_raises_each_lead_times_alerts_once_and_mails_the_vendor_and_the_planner()
    {
        var (eventName, eventId, shiftId, start) = await NewShiftAsync(headcount: 4, assigned: 4);

        await AtAsync(start - TimeSpan.FromHours(100));
        Assert.Empty(await AlertsAsync(eventId));

        await AtAsync(start - TimeSpan.FromHours(71));
        var first = await AlertsAsync(eventId);
        Assert.Equal(["confirmationsShort:72", "trainingShort:72"], Described(first));
        var confirmations = first.Single(a => (string)a["kind"]! == "confirmationsShort");
        Assert.Equal(shiftId, Guid.Parse((string)confirmations["shiftId"]!));
        Assert.Equal("Apex BPO", (string)confirmations["vendorName"]!);
        Assert.Equal("PRESALES", (string)confirmations["skill"]!);
        Assert.Equal(eventName, (string)confirmations["eventName"]!);
        Assert.Equal(0, (int)confirmations["actual"]!);
        Assert.Equal(4, (int)confirmations["needed"]!);
        Assert.Contains("72 h ahead: 0 of 4 needed agents confirmed", (string)confirmations["message"]!);
        Assert.Null(confirmations["acknowledgedAt"]);

        var toApex = await App.WaitForMailToAsync(DemoData.Apex, m => (m.TextBody ?? "").Contains(eventName) && (m.Subject ?? "").Contains("Confirmations short"));
        Assert.Contains("confirm more agents", Assert.Single(toApex).TextBody);
        var toPlanner = await App.WaitForMailToAsync(DemoData.Planner, m => (m.TextBody ?? "").Contains(eventName) && (m.Subject ?? "").Contains("Confirmations short"));
        Assert.Contains("ask another vendor", Assert.Single(toPlanner).TextBody);
        Assert.DoesNotContain(await App.MailToAsync(DemoData.Harbor), m => (m.TextBody ?? "").Contains(eventName));

        // The same moment again: nothing new, nothing mailed twice.
        await RunAsync();
        Assert.Equal(2, (await AlertsAsync(eventId)).Count);
        await Task.Delay(500);
        Assert.Single(await App.MailToAsync(DemoData.Apex), m => (m.TextBody ?? "").Contains(eventName) && (m.Subject ?? "").Contains("Confirmations short"));

        // 47 h before: the 48 h lead time, and the confirm-by time (48 h before) has passed with nobody confirmed.
        await AtAsync(start - TimeSpan.FromHours(47));
        Assert.Equal(["confirmationsOverdue:", "confirmationsShort:48", "confirmationsShort:72", "trainingShort:48", "trainingShort:72"],
            Described(await AlertsAsync(eventId)));
    }

    [Fact]
    public async Task A_first_run_after_two_lead_times_raises_only_the_latest()
    {
        var (_, eventId, _, start) = await NewShiftAsync(headcount: 3, assigned: 3);
        await AtAsync(start - TimeSpan.FromHours(40));
        Assert.Equal(["confirmationsOverdue:", "confirmationsShort:48", "trainingShort:48"], Described(await AlertsAsync(eventId)));
    }

    [Fact]
    public async Task Agents_confirmed_before_the_next_lead_time_stop_the_confirmation_alerts()
    {
        var (_, eventId, shiftId, start) = await NewShiftAsync(headcount: 2, assigned: 2);
        await AtAsync(start - TimeSpan.FromHours(71));
        Assert.Equal(["confirmationsShort:72", "trainingShort:72"], Described(await AlertsAsync(eventId)));

        await AtAsync(start - TimeSpan.FromHours(60));
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            var shift = await apex.ShiftAsync(shiftId);
            await apex.ConfirmedAsync(shift["assignments"]!.AsArray().Select(a => Guid.Parse((string)a!["id"]!)));
        }

        // Confirmed in time: no 48 h confirmation alert and nothing overdue; the agents are still untrained.
        await AtAsync(start - TimeSpan.FromHours(47));
        Assert.Equal(["confirmationsShort:72", "trainingShort:48", "trainingShort:72"], Described(await AlertsAsync(eventId)));
    }

    [Fact]
    public async Task A_shallow_pool_raises_one_open_alert_which_anyone_who_can_act_acknowledges_once()
    {
        var vendorId = await App.NewVendorAsync($"浅池 {Guid.NewGuid():N}"[..12]);
        using (var planner = await App.ClientFor(DemoData.Planner))
        using (var set = await planner.SendAsync(ApiRoutes.Demo.Pool.SetPlans,
            new { plans = new[] { new { vendorId, skill = "PRESALES", peakHeadcount = 5 } } }))
            await set.ShouldBe(HttpStatusCode.OK);

        await RunAsync();
        await RunAsync();
        var open = await PoolAlertsAsync(vendorId, "open");
        var alert = Assert.Single(open);
        Assert.Null(alert["shiftId"]);
        Assert.Equal("PRESALES", (string)alert["skill"]!);
        Assert.Equal(0, (int)alert["actual"]!);
        Assert.Equal(10, (int)alert["needed"]!);
        Assert.Null(alert["leadHours"]);

        using var plannerClient = await App.ClientFor(DemoData.Planner);
        var id = (string)alert["id"]!;
        using var acknowledged = await plannerClient.SendAsync(ApiRoutes.Demo.Alerts.Acknowledge(id));
        await acknowledged.ShouldBe(HttpStatusCode.OK);
        var body = await acknowledged.ReadObjectAsync();
        Assert.NotNull(body["acknowledgedAt"]);
        Assert.Equal(DemoData.Planner, (string)body["acknowledgedBy"]!);
        using var again = await plannerClient.SendAsync(ApiRoutes.Demo.Alerts.Acknowledge(id));
        await again.ShouldBe(HttpStatusCode.OK);
        Assert.Equal((string)body["acknowledgedAt"]!, (string)(await again.ReadObjectAsync())["acknowledgedAt"]!);

        // Acknowledged the same day: not raised again until the next day if the pool is still shallow.
        await RunAsync();
        Assert.Empty(await PoolAlertsAsync(vendorId, "open"));
        Assert.Single(await PoolAlertsAsync(vendorId, "acknowledged"));
        await AtAsync(clocked.Clock.GetUtcNow().AddDays(1));
        Assert.Single(await PoolAlertsAsync(vendorId, "open"));
    }

    [Fact]
    public async Task Another_vendors_manager_neither_sees_nor_acknowledges_an_alert()
    {
        var (_, eventId, _, start) = await NewShiftAsync(headcount: 2, assigned: 0);
        await AtAsync(start - TimeSpan.FromHours(71));
        var id = (string)(await AlertsAsync(eventId))[0]["id"]!;

        using var harbor = await App.ClientFor(DemoData.Harbor);
        var seen = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Alerts.List.Query($"status=all&eventId={eventId}"), Json.Options);
        Assert.Empty(seen!["items"]!.AsArray());
        Assert.All((await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Alerts.List.Query("status=all&pageSize=200"), Json.Options))!["items"]!.AsArray(),
            a => Assert.Equal("Harbor Contact", (string)a!["vendorName"]!));
        using var refused = await harbor.SendAsync(ApiRoutes.Demo.Alerts.Acknowledge(id));
        await refused.ShouldBeProblem(HttpStatusCode.NotFound);

        using var apex = await App.ClientFor(DemoData.Apex);
        using var own = await apex.SendAsync(ApiRoutes.Demo.Alerts.Acknowledge(id));
        await own.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(DemoData.Apex, (string)(await own.ReadObjectAsync())["acknowledgedBy"]!);
    }

    /// <summary>A fresh event with one Apex PRESALES shift nine days out, <paramref name="assigned"/> of its agents assigned.</summary>
    private async Task<(string EventName, Guid EventId, Guid ShiftId, DateTimeOffset Start)> NewShiftAsync(int headcount, int assigned)
    {
        var demo = await App.Demo;
        var day = DemoToday(clocked.Clock).AddDays(9);
        var name = $"Alert {Guid.NewGuid():N}"[..18];
        using var planner = await App.ClientFor(DemoData.Planner);
        using var apex = await App.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(day, 1, name: name);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Wall(day, 9), Wall(day, 17), headcount);
        if (assigned > 0) await apex.AssignedAsync(shiftId, [.. await apex.AgentsAsync(assigned)]);
        return (name, eventId, shiftId, new DateTimeOffset(Wall(day, 9), Shanghai));
    }

    private async Task AtAsync(DateTimeOffset when)
    {
        clocked.Clock.SetUtcNow(when.ToUniversalTime());
        await RunAsync();
    }

    private async Task RunAsync()
    {
        var demo = await App.Demo;
        await App.RunJobAsync<EvaluateAlerts>(j => j.RunAsync(demo.DemoTenantId, CancellationToken.None));
    }

    private async Task<List<JsonObject>> AlertsAsync(Guid eventId)
    {
        using var planner = await App.ClientFor(DemoData.Planner);
        var page = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Alerts.List.Query($"status=all&eventId={eventId}"), Json.Options);
        return [.. page!["items"]!.AsArray().Select(a => a!.AsObject())];
    }

    private async Task<List<JsonObject>> PoolAlertsAsync(Guid vendorId, string status)
    {
        using var planner = await App.ClientFor(DemoData.Planner);
        var page = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Alerts.List.Query($"status={status}&kind=poolShallow&pageSize=200"), Json.Options);
        return [.. page!["items"]!.AsArray().Select(a => a!.AsObject()).Where(a => Guid.Parse((string)a["vendorId"]!) == vendorId)];
    }

    private static List<string> Described(IEnumerable<JsonObject> alerts) =>
        [.. alerts.Select(a => $"{(string)a["kind"]!}:{(int?)a["leadHours"]}").Order(StringComparer.Ordinal)];
}
