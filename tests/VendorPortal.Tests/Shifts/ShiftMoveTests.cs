using System.Globalization;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using VendorPortal.Tests.Agents;
using IcalCalendar = Ical.Net.Calendar;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Shifts;

/// <summary>Planners move shifts that have not started; the vendor is told, confirmations are asked again, and the calendar follows.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ShiftMoveTests(AppFactory app)
{
    [Fact]
    public async Task A_moved_shift_keeps_its_agents_asks_their_confirmations_again_and_tells_the_vendor()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 120, days: 2);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(120, 9), Local(120, 17), 3);
        var agents = await apex.AgentsAsync(2);
        await apex.AssignedAsync(shiftId, [.. agents]);
        var ids = await apex.AssignmentIdsAsync(shiftId, agents);
        using (var confirmed = await apex.DecideAsync(Confirm(ids[0]))) await confirmed.ShouldBe(HttpStatusCode.OK);

        using var moved = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Local(121, 10), Local(121, 18)));
        await moved.ShouldBe(HttpStatusCode.OK);
        var detail = await moved.ReadObjectAsync();
        Assert.Equal(InDemo(Local(121, 10)), DateTimeOffset.Parse((string)detail["shift"]!["startsAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal(InDemo(Local(121, 18)), DateTimeOffset.Parse((string)detail["shift"]!["endsAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal(0, (int)detail["shift"]!["confirmed"]!);
        Assert.Equal(2, (int)detail["shift"]!["assigned"]!);
        Assert.All(detail["assignments"]!.AsArray(), a => Assert.Equal("assigned", (string)a!["status"]!));

        var newStart = Local(121, 10).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var oldStart = Local(120, 9).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var mail = (await app.WaitForMailToAsync(DemoData.Apex, m => m.Subject == $"Shift moved: {newStart}")).Single();
        Assert.Contains($"The shift from {oldStart} to 17:00 now runs {newStart} to 18:00 (Asia/Shanghai)", mail.TextBody);

        // The vendor confirms again for the new time.
        using (var again = await apex.DecideAsync(Confirm(ids[0]))) await again.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("confirmed", await apex.StatusOfAsync(shiftId, ids[0]));

        // The same times again, written in UTC, change nothing: no mail, no new sequence, confirmations stay.
        using (var same = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId),
            new { startsAt = InDemo(Local(121, 10)).ToUniversalTime(), endsAt = InDemo(Local(121, 18)).ToUniversalTime() }))
            await same.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("confirmed", await apex.StatusOfAsync(shiftId, ids[0]));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(await app.MailToAsync(DemoData.Apex), m => m.Subject == $"Shift moved: {newStart}");

        using var admin = await app.ClientFor(DemoData.Admin);
        var trail = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query($"entityType=Assignment&entityId={ids[1]}&pageSize=200"), Json.Options);
        Assert.NotEmpty(trail!["items"]!.AsArray());
    }

    [Fact]
    public async Task A_move_outside_the_event_a_cancelled_shift_or_a_double_booking_is_refused_and_changes_nothing()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        var eventId = await planner.NewEventAsync(daysAhead: 124, days: 2);
        var shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(124, 9), Local(124, 13), 2);
        var otherId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(125, 9), Local(125, 13), 2);
        var agent = (await apex.AgentsAsync(1)).Single();
        await apex.AssignedAsync(shiftId, agent);
        await apex.AssignedAsync(otherId, agent);

        using (var outside = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Local(127, 9), Local(127, 13))))
        {
            var problem = await outside.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
            Assert.Equal(["startsAt"], problem.Errors().Keys);
            Assert.Equal("shift.outside_event", (string?)problem["code"]);
        }
        using (var backwards = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Local(124, 13), Local(124, 9))))
            Assert.Equal(["endsAt"], (await backwards.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors().Keys);
        using (var tooLong = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Local(124, 6), Local(124, 19))))
            Assert.Equal(["endsAt"], (await tooLong.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).Errors().Keys);
        // A time without its offset would be read in the server's zone: refused, naming the field.
        using (var noOffset = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), new { startsAt = "2030-01-07T09:00:00", endsAt = "2030-01-07T13:00:00+08:00" }))
            Assert.Equal(["startsAt"], (await noOffset.ShouldBeProblem(HttpStatusCode.BadRequest)).Errors().Keys);
        using (var missing = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), new { startsAt = InDemo(Local(124, 10)) }))
            Assert.Equal(["endsAt"], (await missing.ShouldBeProblem(HttpStatusCode.BadRequest)).Errors().Keys);
        using (var clash = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Local(125, 11), Local(125, 15))))
        {
            var problem = await clash.ShouldBeProblem(HttpStatusCode.Conflict);
            Assert.Contains("班次 Agent 0", problem.Errors()["startsAt"]);
        }
        var unchanged = (await planner.ShiftAsync(shiftId))["shift"]!;
        Assert.Equal(InDemo(Local(124, 9)), DateTimeOffset.Parse((string)unchanged["startsAt"]!, CultureInfo.InvariantCulture));

        using (var cancel = await planner.SendAsync(ApiRoutes.Demo.Shifts.Cancel(otherId), new { reason = "Forecast dropped" })) await cancel.ShouldBe(HttpStatusCode.OK);
        using (var cancelled = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(otherId), MoveTo(Local(125, 14), Local(125, 18))))
            Assert.Equal("shift.cancelled", (string?)(await cancelled.ShouldBeProblem(HttpStatusCode.Conflict))["code"]);
        // The cancelled shift no longer books the agent: the move goes through.
        using (var free = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Local(125, 11), Local(125, 15))))
            await free.ShouldBe(HttpStatusCode.OK);

        using var finance = await app.ClientFor(DemoData.Finance);
        using (var refused = await finance.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Local(124, 9), Local(124, 13))))
            await refused.ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var vendor = await apex.SendAsync(ApiRoutes.Demo.Shifts.Move(shiftId), MoveTo(Local(124, 9), Local(124, 13))))
            await vendor.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_feed_read_by_ical_net_has_the_moved_times_and_the_cancelled_shift_with_raised_sequences()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var planner = await app.ClientFor(DemoData.Planner);
        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"Moves {Guid.NewGuid():N}"[..20] });
        await created.ShouldBe(HttpStatusCode.Created);
        var vendorId = (await created.ReadObjectAsync()).Id();
        var eventId = await planner.NewEventAsync(daysAhead: 130, days: 2);
        var movedId = await planner.NewShiftAsync(eventId, vendorId, Local(130, 9), Local(130, 17), 3);
        var cancelledId = await planner.NewShiftAsync(eventId, vendorId, Local(131, 9), Local(131, 17), 2);
        var keptId = await planner.NewShiftAsync(eventId, vendorId, Local(131, 18), Local(131, 22), 2);
        using (var move = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(movedId), MoveTo(Local(130, 12), Local(130, 20))))
            await move.ShouldBe(HttpStatusCode.OK);
        using (var move = await planner.SendAsync(ApiRoutes.Demo.Shifts.Move(cancelledId), MoveTo(Local(131, 8), Local(131, 16))))
            await move.ShouldBe(HttpStatusCode.OK);
        using (var cancel = await planner.SendAsync(ApiRoutes.Demo.Shifts.Cancel(cancelledId), new { reason = "Forecast dropped" }))
            await cancel.ShouldBe(HttpStatusCode.OK);

        var before = app.Now.UtcDateTime;
        using var response = await planner.SendAsync(ApiRoutes.Demo.Shifts.Calendar.Query($"vendorId={vendorId}"));
        await response.ShouldBe(HttpStatusCode.OK);
        var after = app.Now.UtcDateTime;
        var calendar = IcalCalendar.Load(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(3, calendar.Events.Count);

        var moved = calendar.Events.Single(e => e.Uid == $"{movedId}@vendorportal");
        Assert.Equal(InDemo(Local(130, 12)).UtcDateTime, moved.DtStart!.AsUtc);
        Assert.Equal(InDemo(Local(130, 20)).UtcDateTime, moved.DtEnd!.AsUtc);
        Assert.Equal(1, moved.Sequence);
        Assert.Equal("CONFIRMED", moved.Status);
        // DTSTAMP is the app's clock when the feed was written, to the second.
        Assert.InRange(moved.DtStamp!.AsUtc, before.AddTicks(-(before.Ticks % TimeSpan.TicksPerSecond)), after);

        var cancelled = calendar.Events.Single(e => e.Uid == $"{cancelledId}@vendorportal");
        Assert.Equal("CANCELLED", cancelled.Status);
        Assert.Equal(2, cancelled.Sequence);
        Assert.StartsWith("Cancelled: PRESALES shift", cancelled.Summary);
        Assert.Contains("Cancelled: Forecast dropped", cancelled.Description);

        var kept = calendar.Events.Single(e => e.Uid == $"{keptId}@vendorportal");
        Assert.Equal(0, kept.Sequence);

        // The caller's language: a download asked for in Chinese is written in Chinese.
        using var chinese = ApiRoutes.Demo.Shifts.Calendar.Query($"vendorId={vendorId}").Request();
        chinese.Headers.AcceptLanguage.Add(new StringWithQualityHeaderValue("zh-CN"));
        using var inChinese = await planner.SendAsync(chinese);
        var zh = IcalCalendar.Load(await inChinese.Content.ReadAsStringAsync())!;
        Assert.StartsWith("PRESALES 班次 · ", zh.Events.Single(e => e.Uid == $"{movedId}@vendorportal").Summary);
        Assert.StartsWith("已取消：", zh.Events.Single(e => e.Uid == $"{cancelledId}@vendorportal").Summary);
        Assert.Contains("供应商：", zh.Events.Single(e => e.Uid == $"{movedId}@vendorportal").Description);
    }

    [Fact]
    public async Task A_private_address_speaks_the_language_its_owner_saved()
    {
        var demo = await app.Demo;
        var email = People.NewEmail("calendar.zh");
        await app.InviteAsync(email, "Planner", "zh-CN");
        using (var accepted = await app.AcceptAsync(await app.InvitationTokenAsync(email), People.GoodPassword)) await accepted.ShouldBe(HttpStatusCode.OK);
        using var planner = await app.ClientFor(DemoData.Planner);
        var eventId = await planner.NewEventAsync(daysAhead: 133, days: 1);
        var shiftId = await planner.NewShiftAsync(eventId, demo.HarborInDemo, Local(133, 9), Local(133, 17), 2);

        var address = await NewCalendarAddressAsync(email);
        using var calendarApp = app.Anonymous();
        using var feed = await calendarApp.GetAsync(new Uri(address).PathAndQuery);
        await feed.ShouldBe(HttpStatusCode.OK);
        var calendar = IcalCalendar.Load(await feed.Content.ReadAsStringAsync())!;
        var shift = calendar.Events.Single(e => e.Uid == $"{shiftId}@vendorportal");
        Assert.StartsWith("PRESALES 班次 · ", shift.Summary);
        Assert.Contains("Harbor Contact", shift.Summary);
        Assert.Contains("当地时间：", shift.Description);
        Assert.Equal(0, shift.Sequence);
    }

    /// <summary>Makes the member's private address on the shifts page, as they would, and reads it off the page.</summary>
    private async Task<string> NewCalendarAddressAsync(string email)
    {
        using var client = await app.CookieClientFor(email);
        var session = client.DefaultRequestHeaders.GetValues("Cookie").Single();
        using var page = await client.GetAsync(Pages.Demo.Shifts);
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var anonymous = app.Anonymous();
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{Pages.Demo.Shifts}?handler=CalendarLink")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", AntiforgeryField().Match(html).Groups[1].Value)]),
        };
        post.Headers.Add("Cookie", $"{session}; {antiforgery}");
        using var made = await anonymous.SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var tempData = made.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Where(c => !c.EndsWith('=')).ToList();
        using var shown = new HttpRequestMessage(HttpMethod.Get, made.Headers.Location);
        shown.Headers.Add("Cookie", string.Join("; ", [session, .. tempData]));
        using var after = await anonymous.SendAsync(shown);
        var match = CalendarAddress().Match(await after.Content.ReadAsStringAsync());
        Assert.True(match.Success, "The shifts page did not show the new private address.");
        return match.Value;
    }

        [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex(@"https?://[^\s""<]+/api/calendar/[^\s""<]+\.ics")]
    private static partial Regex CalendarAddress();
}
