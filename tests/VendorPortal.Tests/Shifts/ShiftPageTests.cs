using System.Globalization;
using System.Text.RegularExpressions;
using VendorPortal.Tests.Agents;

namespace VendorPortal.Tests.Shifts;

/// <summary>The portal's request and shift pages posting their forms, on a host whose clock the test moves.</summary>
[Collection(AppCollection.Name)]
public sealed partial class ShiftPageTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task A_refused_answer_names_the_shift_it_is_about_and_nothing_is_answered()
    {
        var app = clocked.App;
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        // Far enough out to stay in the future after the other test moves the clock.
        var eventId = await planner.NewEventAsync(daysAhead: 30);
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo,
        [
            ShiftSetup.Plan(ShiftSetup.Local(30, 8), ShiftSetup.Local(30, 16), 3),
            ShiftSetup.Plan(ShiftSetup.Local(30, 16), ShiftSetup.Local(30, 22), 2),
        ], respondBy: ShiftSetup.Local(20, 12));
        var path = Pages.Demo.Request(request.Id());
        var shifts = request["shifts"]!.AsArray().Select(s => s!.Id()).ToList();

        var tooMany = await PostFormAsync(app, DemoData.Apex, path, "Respond", _ =>
        [
            new("Answers[0].RequestedShiftId", shifts[0].ToString()), new("Answers[0].Committed", "3"),
            new("Answers[1].RequestedShiftId", shifts[1].ToString()), new("Answers[1].Committed", "5"),
        ]);
        Assert.Equal(HttpStatusCode.OK, tooMany.Status);
        Assert.Matches("data-row-error=\"1\">At most the 2 agents asked for can be committed.<", tooMany.Html);
        Assert.DoesNotContain("data-row-error=\"0\"", tooMany.Html);

        var silentDecline = await PostFormAsync(app, DemoData.Apex, path, "Respond", _ =>
        [
            new("Answers[0].RequestedShiftId", shifts[0].ToString()), new("Answers[0].Committed", "0"),
            new("Answers[1].RequestedShiftId", shifts[1].ToString()), new("Answers[1].Committed", "0"),
        ]);
        Assert.Equal(HttpStatusCode.OK, silentDecline.Status);
        Assert.Contains("Say why when declining, so the planner can plan around it.", silentDecline.Html);

        using var apex = await app.ClientFor(DemoData.Apex);
        var stored = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.CapacityRequests.Get(request.Id()), Json.Options);
        Assert.Equal("sent", (string)stored!["status"]!);

        var answered = await PostFormAsync(app, DemoData.Apex, path, "Respond", _ =>
        [
            new("Answers[0].RequestedShiftId", shifts[0].ToString()), new("Answers[0].Committed", "3"),
            new("Answers[1].RequestedShiftId", shifts[1].ToString()), new("Answers[1].Committed", "1"),
            new("Message", "One short in the evening."),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, answered.Status);
        stored = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.CapacityRequests.Get(request.Id()), Json.Options);
        Assert.Equal("partial", (string)stored!["answer"]!);
        Assert.Equal(4, (int)stored["committed"]!);

        using var plannerPage = await app.CookieClientFor(DemoData.Planner);
        var read = await plannerPage.GetStringAsync(path);
        Assert.Contains($"href=\"{Pages.Demo.NewRequest}?eventId={eventId}&backfillFor={request.Id()}\"", read);
        Assert.DoesNotContain("id=\"send-answer\"", read);
    }

    [Fact]
    public async Task After_the_start_the_vendor_records_attendance_on_the_shift_page_and_the_planner_reads_it()
    {
        var app = clocked.App;
        var demo = await app.Demo;
        var shiftId = Guid.Empty;
        List<Guid> ids;
        using (var planner = await app.ClientFor(DemoData.Planner))
        using (var apex = await app.ClientFor(DemoData.Apex))
        {
            var eventId = await planner.NewEventAsync(daysAhead: 10);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(10, 9), ShiftSetup.Local(10, 17), 2);
            var agents = await apex.AgentsAsync(3);
            using (var assigned = await apex.AssignAsync(shiftId, [.. agents])) await assigned.ShouldBe(HttpStatusCode.OK);
            ids = [.. (await apex.ShiftAsync(shiftId))["assignments"]!.AsArray().Select(a => a!.Id())];
            using (var decided = await apex.DecideAsync(ShiftSetup.Confirm(ids[0]), ShiftSetup.Confirm(ids[1]), ShiftSetup.Decline(ids[2], "Exam")))
                await decided.ShouldBe(HttpStatusCode.OK);
            var startsAt = DateTimeOffset.Parse((string)(await apex.ShiftAsync(shiftId))["shift"]!["startsAt"]!, CultureInfo.InvariantCulture);
            clocked.Clock.SetUtcNow(startsAt.AddHours(1));
        }

        var path = Pages.Demo.Shift(shiftId);
        var saved = await PostFormAsync(app, DemoData.Apex, path, "Attendance", html =>
        {
            Assert.DoesNotContain("id=\"decision-form\"", html);
            var rows = AttendanceRow().Matches(html).ToDictionary(m => Guid.Parse(m.Groups[2].Value), m => m.Groups[1].Value);
            Assert.Equal(ids.Take(2).Order(), rows.Keys.Order());
            return
            [
                new($"Attendance[{rows[ids[0]]}].AssignmentId", ids[0].ToString()), new($"Attendance[{rows[ids[0]]}].Attended", "true"),
                new($"Attendance[{rows[ids[1]]}].AssignmentId", ids[1].ToString()), new($"Attendance[{rows[ids[1]]}].Attended", "false"),
            ];
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.Status);

        using var vendor = await app.ClientFor(DemoData.Apex);
        var shift = (await vendor.ShiftAsync(shiftId))["shift"]!;
        Assert.Equal(1, (int)shift["attended"]!);
        Assert.Equal(1, (int)shift["noShows"]!);

        using var plannerPage = await app.CookieClientFor(DemoData.Planner);
        var read = await plannerPage.GetStringAsync(path);
        Assert.Contains("1 attended, 1 no-shows", read);
        Assert.DoesNotContain("id=\"attendance-form\"", read);
        // A shift that has started can no longer be cancelled: the planner is not offered the form.
        Assert.DoesNotContain("id=\"cancel-shift-open\"", read);
    }

    [Fact]
    public async Task A_planner_moves_a_shift_on_its_page_and_a_refused_time_is_explained_beside_the_form()
    {
        var app = clocked.App;
        var demo = await app.Demo;
        Guid shiftId;
        using (var planner = await app.ClientFor(DemoData.Planner))
        {
            var eventId = await planner.NewEventAsync(daysAhead: 140, days: 2);
            shiftId = await planner.NewShiftAsync(eventId, demo.ApexInDemo, ShiftSetup.Local(140, 9), ShiftSetup.Local(140, 17), 2);
        }
        static string Typed(int daysAhead, int hour) => ShiftSetup.Local(daysAhead, hour).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);
        var path = Pages.Demo.Shift(shiftId);

        var refused = await PostFormAsync(app, DemoData.Planner, path, "Move", html =>
        {
            Assert.Contains("id=\"move-shift\"", html);
            return [new("MoveStartsAt", Typed(145, 9)), new("MoveEndsAt", Typed(145, 13))];
        });
        Assert.Equal(HttpStatusCode.OK, refused.Status);
        Assert.Contains($"The shift was not moved: The shift starts on {Typed(145, 9)[..10]}, outside the event", refused.Html);

        var moved = await PostFormAsync(app, DemoData.Planner, path, "Move", _ => [new("MoveStartsAt", Typed(141, 10)), new("MoveEndsAt", Typed(141, 18))]);
        Assert.Equal(HttpStatusCode.Redirect, moved.Status);
        using var reader = await app.ClientFor(DemoData.Planner);
        var shift = (await reader.ShiftAsync(shiftId))["shift"]!;
        Assert.Equal(ShiftSetup.InDemo(ShiftSetup.Local(141, 10)), DateTimeOffset.Parse((string)shift["startsAt"]!, CultureInfo.InvariantCulture));
        Assert.Equal(ShiftSetup.InDemo(ShiftSetup.Local(141, 18)), DateTimeOffset.Parse((string)shift["endsAt"]!, CultureInfo.InvariantCulture));
    }

    /// <summary>Opens the page as the user, then posts the handler's form with the page's antiforgery token and cookie.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> PostFormAsync(
        AppFactory app, string email, string path, string handler, Func<string, List<KeyValuePair<string, string>>> fields)
    {
        using var client = await app.CookieClientFor(email);
        using var page = await client.GetAsync(path);
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var form = fields(html);
        form.Add(new("__RequestVerificationToken", AntiforgeryField().Match(html).Groups[1].Value));
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));

        using var post = new HttpRequestMessage(HttpMethod.Post, $"{path}?handler={handler}") { Content = new FormUrlEncodedContent(form) };
        post.Headers.Add("Cookie", $"{client.DefaultRequestHeaders.GetValues("Cookie").Single()}; {antiforgery}");
        using var anonymous = app.Anonymous();
        using var response = await anonymous.SendAsync(post);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    [GeneratedRegex("name=\"Attendance\\[(\\d+)\\]\\.AssignmentId\" value=\"([0-9a-f-]{36})\"")]
    private static partial Regex AttendanceRow();
}
