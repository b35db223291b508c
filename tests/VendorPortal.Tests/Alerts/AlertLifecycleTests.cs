using System.Globalization;
using VendorPortal.Tests.Billing;
using VendorPortal.Tests.Readiness;
using VendorPortal.Web.Features.Alerts;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Alerts;

/// <summary>
/// Alerts that resolve when their condition is gone and escalate when nobody acknowledges them, on a host whose clock the
/// test moves (tenant demo: lead times 72 and 48 h, confirm-by 48 h before the shift, confirmed 100 % and trained 90 %).
/// The scan runs as Hangfire runs it, or through POST alerts/evaluate: the same code path.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AlertLifecycleTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    private AppFactory App => clocked.App;

    [Fact]
    public async Task Confirmations_recorded_resolve_the_confirmation_alert_once_all_are_in_and_leave_the_training_one_open()
    {
        var (_, eventId, shiftId, start) = await NewShiftAsync(headcount: 2, assigned: 2);
        await AtAsync(start - TimeSpan.FromHours(71));
        Assert.Equal(["confirmationsShort:72", "trainingShort:72"], Described(await AlertsAsync(eventId, "open")));

        // Clients sign in after the clock moves: a token from before would have expired.
        List<Guid> assignments;
        using (var apex = await App.ClientFor(DemoData.Apex))
        {
            assignments = [.. (await apex.ShiftAsync(shiftId))["assignments"]!.AsArray().Select(a => Guid.Parse((string)a!["id"]!))];
            await apex.ConfirmedAsync(assignments.Take(1));
        }

        // One of two confirmed: still short, nothing resolves.
        await AtAsync(start - TimeSpan.FromHours(70));
        Assert.Equal(["confirmationsShort:72", "trainingShort:72"], Described(await AlertsAsync(eventId, "open")));
        Assert.Empty(await AlertsAsync(eventId, "resolved"));

        using (var apex = await App.ClientFor(DemoData.Apex))
            await apex.ConfirmedAsync(assignments.Skip(1));
        await AtAsync(start - TimeSpan.FromHours(69));
        Assert.Equal(["trainingShort:72"], Described(await AlertsAsync(eventId, "open")));
        var resolved = Assert.Single(await AlertsAsync(eventId, "resolved"));
        Assert.Equal("confirmationsShort", (string)resolved["kind"]!);
        Assert.Equal(start - TimeSpan.FromHours(69), DateTimeOffset.Parse((string)resolved["resolvedAt"]!, CultureInfo.InvariantCulture));
        Assert.Null(resolved["acknowledgedAt"]);

        // Resolved stays resolved: a later scan changes nothing, and the confirmed agents raise no 48 h or overdue alert.
        await AtAsync(start - TimeSpan.FromHours(47));
        Assert.Equal(["trainingShort:48", "trainingShort:72"], Described(await AlertsAsync(eventId, "open")));
        Assert.Single(await AlertsAsync(eventId, "resolved"));
    }

    [Fact]
    public async Task A_cancelled_shift_resolves_every_alert_about_it_acknowledged_or_not()
    {
        var (_, eventId, shiftId, start) = await NewShiftAsync(headcount: 3, assigned: 3);
        await AtAsync(start - TimeSpan.FromHours(47));
        var raised = await AlertsAsync(eventId, "all");
        Assert.Equal(["confirmationsOverdue:", "confirmationsShort:48", "trainingShort:48"], Described(raised));

        using var planner = await App.ClientFor(DemoData.Planner);
        using (var ack = await planner.SendAsync(ApiRoutes.Demo.Alerts.Acknowledge(raised.Single(a => (string)a["kind"]! == "trainingShort")["id"])))
            await ack.ShouldBe(HttpStatusCode.OK);
        using (var cancelled = await planner.SendAsync(ApiRoutes.Demo.Shifts.Cancel(shiftId), new { reason = "Forecast lower" }))
            await cancelled.ShouldBe(HttpStatusCode.OK);

        var scan = await EvaluateAsync(planner);
        Assert.True((int)scan["resolved"]! >= 3, scan.ToJsonString());
        Assert.Empty(await AlertsAsync(eventId, "open"));
        Assert.Empty(await AlertsAsync(eventId, "acknowledged"));
        var resolved = await AlertsAsync(eventId, "resolved");
        Assert.Equal(3, resolved.Count);
        Assert.All(resolved, a => Assert.NotNull(a["resolvedAt"]));
        Assert.NotNull(resolved.Single(a => (string)a["kind"]! == "trainingShort")["acknowledgedAt"]);
    }

    [Fact]
    public async Task Alerts_of_a_shift_that_started_short_stay_until_it_ends()
    {
        var (_, eventId, _, start) = await NewShiftAsync(headcount: 2, assigned: 2);
        await AtAsync(start - TimeSpan.FromHours(47));
        Assert.Equal(3, (await AlertsAsync(eventId, "open")).Count);

        await AtAsync(start + TimeSpan.FromHours(1));
        Assert.Equal(3, (await AlertsAsync(eventId, "open")).Count);

        // The shift ran 09:00 to 17:00: once it ended there is nothing left to act on.
        await AtAsync(start + TimeSpan.FromHours(8) + TimeSpan.FromMinutes(1));
        Assert.Empty(await AlertsAsync(eventId, "open"));
        Assert.Equal(3, (await AlertsAsync(eventId, "resolved")).Count);
    }

    [Fact]
    public async Task An_overdue_alert_nobody_acknowledges_escalates_to_the_admins_after_the_set_minutes_once()
    {
        await SetEscalationMinutesAsync(60);
        var (eventName, eventId, _, start) = await NewShiftAsync(headcount: 2, assigned: 2);
        var (ackedName, ackedEvent, _, _) = await NewShiftAsync(headcount: 2, assigned: 2);
        var raisedAt = start - TimeSpan.FromHours(47);
        await AtAsync(raisedAt);
        using (var planner = await App.ClientFor(DemoData.Planner))
        {
            var overdue = (await AlertsAsync(ackedEvent, "open")).Single(a => (string)a["kind"]! == "confirmationsOverdue");
            using var ack = await planner.SendAsync(ApiRoutes.Demo.Alerts.Acknowledge(overdue["id"]));
            await ack.ShouldBe(HttpStatusCode.OK);
        }

        await AtAsync(raisedAt + TimeSpan.FromMinutes(59));
        Assert.All(await AlertsAsync(eventId, "all"), a => Assert.Null(a["escalatedAt"]));

        await AtAsync(raisedAt + TimeSpan.FromMinutes(60));
        var alerts = await AlertsAsync(eventId, "open");
        var escalated = alerts.Single(a => a["escalatedAt"] is not null);
        Assert.Equal("confirmationsOverdue", (string)escalated["kind"]!);
        Assert.Equal(raisedAt + TimeSpan.FromMinutes(60), DateTimeOffset.Parse((string)escalated["escalatedAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal(3, alerts.Count);

        var toAdmin = await App.WaitForMailToAsync(DemoData.Admin, m => IsEscalation(m, eventName));
        var mail = Assert.Single(toAdmin);
        Assert.Contains("Confirmations overdue", mail.Subject);
        Assert.Contains("60 minutes", mail.TextBody);
        Assert.Contains("0 of 2", mail.TextBody);
        Assert.Contains("/t/demo/alerts", mail.TextBody);
        Assert.DoesNotContain(await App.MailToAsync(DemoData.Planner), m => IsEscalation(m, eventName));

        // Later scans escalate nothing again; the acknowledged alert never escalates.
        await AtAsync(raisedAt + TimeSpan.FromMinutes(200));
        await Task.Delay(500);
        Assert.Single(await App.MailToAsync(DemoData.Admin), m => IsEscalation(m, eventName));
        Assert.DoesNotContain(await App.MailToAsync(DemoData.Admin), m => IsEscalation(m, ackedName));
        Assert.All(await AlertsAsync(ackedEvent, "all"), a => Assert.Null(a["escalatedAt"]));
        await SetEscalationMinutesAsync(120);
    }

    [Fact]
    public async Task The_scan_endpoint_answers_its_counts_and_a_second_run_changes_nothing()
    {
        var (_, eventId, _, start) = await NewShiftAsync(headcount: 2, assigned: 2);
        clocked.Clock.SetUtcNow(start - TimeSpan.FromHours(71));
        using var planner = await App.ClientFor(DemoData.Planner);

        var first = await EvaluateAsync(planner);
        Assert.True((int)first["raised"]! >= 2, first.ToJsonString());
        Assert.Equal(["confirmationsShort:72", "trainingShort:72"], Described(await AlertsAsync(eventId, "open")));
        var second = await EvaluateAsync(planner);
        Assert.Equal(new JsonObject { ["raised"] = 0, ["resolved"] = 0, ["escalated"] = 0 }.ToJsonString(), second.ToJsonString());

        using var admin = await App.ClientFor(DemoData.Admin);
        Assert.Equal(0, (int)(await EvaluateAsync(admin))["raised"]!);
        // The scheduled job after it finds nothing either.
        await RunAsync();
        Assert.Equal(2, (await AlertsAsync(eventId, "all")).Count);
    }

    [Fact]
    public async Task A_pool_alert_resolved_the_same_day_reopens_when_the_pool_falls_short_again()
    {
        var vendorId = await App.NewVendorAsync($"回池 {Guid.NewGuid():N}"[..12]);
        await PlanPoolAsync(vendorId, peak: 5);
        await RunAsync();
        var first = Assert.Single(await PoolAlertsAsync(vendorId, "open"));
        using (var planner = await App.ClientFor(DemoData.Planner))
        using (var ack = await planner.SendAsync(ApiRoutes.Demo.Alerts.Acknowledge(first["id"])))
            await ack.ShouldBe(HttpStatusCode.OK);

        // No plan, no target: the pool is no longer short.
        await PlanPoolAsync(vendorId, peak: 0);
        await RunAsync();
        Assert.Empty(await PoolAlertsAsync(vendorId, "acknowledged"));
        Assert.NotNull(Assert.Single(await PoolAlertsAsync(vendorId, "resolved"))["resolvedAt"]);

        // Short again the same day: the same alert is raised again, open and unacknowledged, with today's figures.
        await PlanPoolAsync(vendorId, peak: 3);
        await RunAsync();
        var reopened = Assert.Single(await PoolAlertsAsync(vendorId, "open"));
        Assert.Equal((string)first["id"]!, (string)reopened["id"]!);
        Assert.Null(reopened["resolvedAt"]);
        Assert.Null(reopened["acknowledgedAt"]);
        Assert.Equal(6, (int)reopened["needed"]!);
        Assert.Empty(await PoolAlertsAsync(vendorId, "resolved"));
    }

    [Fact]
    public async Task Settings_keep_the_escalation_minutes_when_a_client_leaves_them_out_and_refuse_a_negative_value()
    {
        using var admin = await App.ClientFor(DemoData.Admin);
        await SetEscalationMinutesAsync(45);
        var settings = (await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Settings.Get))!;
        Assert.Equal(45, (int)settings["alertEscalationMinutes"]!);

        settings.Remove("alertEscalationMinutes");
        settings["trainedAlertPercent"] = 90;
        using (var put = await admin.SendAsync(ApiRoutes.Demo.Settings.Update, settings))
        {
            await put.ShouldBe(HttpStatusCode.OK);
            Assert.Equal(45, (int)(await put.ReadObjectAsync())["alertEscalationMinutes"]!);
        }

        settings["alertEscalationMinutes"] = -1;
        using (var refused = await admin.SendAsync(ApiRoutes.Demo.Settings.Update, settings))
            Assert.Contains("alertEscalationMinutes", (await refused.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
        Assert.Equal(45, (int)(await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Settings.Get))!["alertEscalationMinutes"]!);
        await SetEscalationMinutesAsync(120);
    }

    [Fact]
    public async Task Only_planners_and_admins_run_the_scan()
    {
        foreach (var email in new[] { DemoData.Apex, DemoData.Finance })
        {
            using var client = await App.ClientFor(email);
            using var refused = await client.SendAsync(ApiRoutes.Demo.Alerts.Evaluate);
            await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
        }
    }

    [Fact]
    public async Task The_alerts_page_runs_the_scan_for_a_planner_and_lists_resolved_alerts_under_their_own_tab()
    {
        var (eventName, _, shiftId, start) = await NewShiftAsync(headcount: 2, assigned: 0);
        clocked.Clock.SetUtcNow(start - TimeSpan.FromHours(71));
        using var planner = await App.CookieClientFor(DemoData.Planner);
        var page = await planner.GetStringAsync(Pages.Demo.Alerts);
        Assert.Contains("id=\"run-scan\"", page);
        Assert.DoesNotContain(eventName, page);

        using var ran = await planner.PostFormAsync(Pages.Demo.Alerts, "Evaluate", []);
        Assert.Equal(HttpStatusCode.Redirect, ran.StatusCode);
        page = await planner.GetStringAsync(ran.Headers.Location!.OriginalString);
        Assert.Matches(@"Scan done: [1-9]\d* raised, \d+ resolved, \d+ escalated\.", page);
        Assert.Contains(eventName, page);

        using (var api = await App.ClientFor(DemoData.Planner))
        using (var cancelled = await api.SendAsync(ApiRoutes.Demo.Shifts.Cancel(shiftId), new { reason = "Forecast lower" }))
            await cancelled.ShouldBe(HttpStatusCode.OK);
        using (var again = await planner.PostFormAsync(Pages.Demo.Alerts, "Evaluate", []))
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.DoesNotContain(eventName, await planner.GetStringAsync(Pages.Demo.Alerts));
        Assert.Contains(eventName, await planner.GetStringAsync(Pages.Demo.Alerts + "?status=resolved"));

        using var apex = await App.CookieClientFor(DemoData.Apex);
        var vendorPage = await apex.GetStringAsync(Pages.Demo.Alerts);
        Assert.DoesNotContain("run-scan", vendorPage);
        var token = Sessions.AntiforgeryToken(vendorPage);
        using var refused = await apex.PostAsync(Pages.Demo.Alerts + "?handler=Evaluate",
            new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
        // Refused as the portal refuses: to the access-denied page.
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        Assert.Contains("/account/denied", refused.Headers.Location!.OriginalString);
    }

    private static bool IsEscalation(MimeKit.MimeMessage m, string eventName) =>
        (m.TextBody ?? "").Contains(eventName) && (m.Subject ?? "").StartsWith("Escalated alert", StringComparison.Ordinal);

    private async Task SetEscalationMinutesAsync(int minutes)
    {
        using var admin = await App.ClientFor(DemoData.Admin);
        var settings = (await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Settings.Get))!;
        settings["alertEscalationMinutes"] = minutes;
        using var put = await admin.SendAsync(ApiRoutes.Demo.Settings.Update, settings);
        await put.ShouldBe(HttpStatusCode.OK);
    }

    private async Task PlanPoolAsync(Guid vendorId, int peak)
    {
        using var planner = await App.ClientFor(DemoData.Planner);
        using var set = await planner.SendAsync(ApiRoutes.Demo.Pool.SetPlans,
            new { plans = new[] { new { vendorId, skill = "PRESALES", peakHeadcount = peak } } });
        await set.ShouldBe(HttpStatusCode.OK);
    }

    private static async Task<JsonObject> EvaluateAsync(HttpClient client)
    {
        using var response = await client.SendAsync(ApiRoutes.Demo.Alerts.Evaluate);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    /// <summary>A fresh event with one Apex PRESALES shift 09:00–17:00 nine days out, <paramref name="assigned"/> of its agents assigned.</summary>
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

    private async Task<List<JsonObject>> AlertsAsync(Guid eventId, string status)
    {
        using var planner = await App.ClientFor(DemoData.Planner);
        var page = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Alerts.List.Query($"status={status}&eventId={eventId}"), Json.Options);
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
