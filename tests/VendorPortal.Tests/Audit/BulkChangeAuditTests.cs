using System.Text.RegularExpressions;
using VendorPortal.Tests.Shifts;

namespace VendorPortal.Tests.Audit;

/// <summary>Changes made in bulk (a replaced forecast) or by the portal (a new calendar link) are in the audit trail like any other.</summary>
[Collection(AppCollection.Name)]
public sealed partial class BulkChangeAuditTests(AppFactory app)
{
    [Fact]
    public async Task Replacing_a_forecast_records_the_deleted_rows_under_the_event_by_the_planner()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var day = app.Today().AddDays(50);
        var eventId = await planner.NewEventAsync(day, 1);
        object Row(string start) => new { skill = "PRESALES", date = day, start, contacts = 10, ahtSeconds = 180 };
        using (var first = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(eventId), new { rows = new[] { Row("09:00"), Row("09:30"), Row("10:00") } }))
            await first.ShouldBe(HttpStatusCode.OK);
        using (var second = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(eventId), new { rows = new[] { Row("11:00") } }))
            await second.ShouldBe(HttpStatusCode.OK);

        using var admin = await app.ClientFor(DemoData.Admin);
        var trail = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query($"entityType=ForecastInterval&entityId={eventId}"), Json.Options);
        var entries = trail!["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
        // The first replacement found nothing to delete; the second deleted the three rows of the first.
        Assert.Equal([3, 0], entries.Select(e => (int)e["changes"]!["rows"]!));
        Assert.All(entries, e =>
        {
            Assert.Equal("deleted", (string?)e["action"]);
            Assert.Equal(DemoData.Planner, (string?)e["actor"]);
        });
    }

    [Fact]
    public async Task A_new_calendar_link_audits_the_revocation_of_the_old_one()
    {
        var email = await app.NewMemberAsync("calendar-audit");
        await NewCalendarLinkAsync(email);
        await NewCalendarLinkAsync(email);

        using var admin = await app.ClientFor(DemoData.Admin);
        var trail = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query("entityType=CalendarLink&pageSize=200"), Json.Options);
        var mine = trail!["items"]!.AsArray().Select(e => e!.AsObject()).Where(e => (string?)e["actor"] == email).ToList();
        // The second link and the first one's revocation are one save, so they share a time: compare them unordered.
        Assert.Equal(["created", "created", "updated"], mine.Select(e => (string?)e["action"]).Order(StringComparer.Ordinal));
        var revoked = mine.Single(e => (string?)e["action"] == "updated")["changes"]!.AsObject();
        Assert.Null((string?)revoked["revokedAt"]!["from"]);
        Assert.NotNull((string?)revoked["revokedAt"]!["to"]);
        var links = mine.Where(e => (string?)e["action"] == "created").Select(e => (string?)e["entityId"]).ToList();
        Assert.Equal(2, links.Distinct().Count());
        Assert.Contains((string?)mine.Single(e => (string?)e["action"] == "updated")["entityId"], links);
    }

    private async Task NewCalendarLinkAsync(string email)
    {
        using var client = await app.CookieClientFor(email);
        using var page = await client.GetAsync(Pages.Demo.Shifts);
        await page.ShouldBe(HttpStatusCode.OK);
        var html = await page.Content.ReadAsStringAsync();
        var antiforgery = page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]).Single(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        using var post = new HttpRequestMessage(HttpMethod.Post, $"{Pages.Demo.Shifts}?handler=CalendarLink")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", AntiforgeryField().Match(html).Groups[1].Value)]),
        };
        post.Headers.Add("Cookie", $"{client.DefaultRequestHeaders.GetValues("Cookie").Single()}; {antiforgery}");
        using var anonymous = app.Anonymous();
        using var response = await anonymous.SendAsync(post);
        Assert.True((int)response.StatusCode < 400, $"The calendar link form answered {(int)response.StatusCode}.");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
