using System.Globalization;
using System.Text;
using VendorPortal.Tests.Agents;
using VendorPortal.Web.Features.Identity;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Shifts;

[Collection(AppCollection.Name)]
public sealed class ShiftCalendarTests(AppFactory app)
{
    [Fact]
    public async Task The_feed_is_icalendar_with_one_event_per_shift_at_its_utc_times_and_escaped_text()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var planner = await app.ClientFor(DemoData.Planner);
        var vendorName = $"Acme, Inc; 华东 {Guid.NewGuid():N}"[..24];
        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = vendorName });
        await created.ShouldBe(HttpStatusCode.Created);
        var vendorId = (await created.ReadObjectAsync()).Id();
        var eventName = @"Double 12, night; C:\sale 双十二大促夜间客服支援 with a name long enough to be folded";
        var eventId = await planner.NewEventAsync(DateOnly.FromDateTime(PinnedClock.StartDay.AddDays(95)), 2, name: eventName);
        var shiftId = await planner.NewShiftAsync(eventId, vendorId, Local(95, 9), Local(95, 17), 3);
        var cancelledId = await planner.NewShiftAsync(eventId, vendorId, Local(96, 9), Local(96, 17), 2);
        using (var cancel = await planner.SendAsync(ApiRoutes.Demo.Shifts.Cancel(cancelledId), new { reason = "Forecast, lower; again" }))
            await cancel.ShouldBe(HttpStatusCode.OK);
        var farEvent = await planner.NewEventAsync(daysAhead: 190, days: 1);
        var farShift = await planner.NewShiftAsync(farEvent, vendorId, Local(190, 9), Local(190, 17), 1);

        using var response = await planner.SendAsync(ApiRoutes.Demo.Shifts.Calendar.Query($"vendorId={vendorId}"));
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var raw = await response.Content.ReadAsByteArrayAsync();
        var calendar = Calendar.Parse(raw);

        Assert.Equal("BEGIN:VCALENDAR", calendar.Lines[0]);
        Assert.Equal("END:VCALENDAR", calendar.Lines[^1]);
        Assert.Contains("VERSION:2.0", calendar.Lines);
        Assert.Equal($"{vendorName} shifts · Demo Retail Customer Service", Calendar.Unescape(calendar.Property("X-WR-CALNAME")));
        Assert.Contains(@"Acme\, Inc\; 华东", calendar.Property("X-WR-CALNAME"));
        Assert.Equal(2, calendar.Events.Count);
        Assert.DoesNotContain(calendar.Events, e => e["UID"] == $"{farShift}@vendorportal");

        var shift = (await planner.ShiftAsync(shiftId))["shift"]!;
        var vevent = calendar.Events.Single(e => e["UID"] == $"{shiftId}@vendorportal");
        Assert.Equal(Utc(shift["startsAt"]), vevent["DTSTART"]);
        Assert.Equal(Utc(shift["endsAt"]), vevent["DTEND"]);
        Assert.Matches(@"^\d{8}T\d{6}Z$", vevent["DTSTAMP"]);
        Assert.Equal($"PRESALES shift · {eventName} (3 agents, 0 confirmed)", Calendar.Unescape(vevent["SUMMARY"]));
        Assert.Contains(@"Double 12\, night\; C:\\sale", vevent["SUMMARY"]);
        Assert.Contains(@"\n", vevent["DESCRIPTION"]);
        Assert.Contains("Asia/Shanghai", Calendar.Unescape(vevent["DESCRIPTION"]));
        Assert.Equal("CONFIRMED", vevent["STATUS"]);

        var cancelled = calendar.Events.Single(e => e["UID"] == $"{cancelledId}@vendorportal");
        Assert.Equal("CANCELLED", cancelled["STATUS"]);
        Assert.Contains("Forecast, lower; again", Calendar.Unescape(cancelled["DESCRIPTION"]));

        using var again = await planner.SendAsync(ApiRoutes.Demo.Shifts.Calendar.Query($"vendorId={vendorId}"));
        var second = Calendar.Parse(await again.Content.ReadAsByteArrayAsync());
        Assert.Equal(calendar.Events.Select(e => e["UID"]).Order(), second.Events.Select(e => e["UID"]).Order());
    }

    [Fact]
    public async Task A_vendor_gets_only_its_own_shifts_by_bearer_token_or_api_key()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var apex = await app.ClientFor(DemoData.Apex);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var admin = await app.ClientFor(DemoData.Admin);
        var eventId = await planner.NewEventAsync(daysAhead: 96, days: 1);
        var apexShift = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(96, 9), Local(96, 17), 10);
        var harborShift = await planner.NewShiftAsync(eventId, demo.HarborInDemo, Local(96, 9), Local(96, 17), 4);
        var agents = await apex.AgentsAsync(2);
        await apex.AssignedAsync(apexShift, [.. agents]);
        var ids = await apex.AssignmentIdsAsync(apexShift, agents);
        using (var confirmed = await apex.DecideAsync(Confirm(ids[0]), Confirm(ids[1]))) await confirmed.ShouldBe(HttpStatusCode.OK);

        var forApex = await FeedAsync(apex, "");
        Assert.Contains(forApex.Events, e => e["UID"] == $"{apexShift}@vendorportal");
        Assert.DoesNotContain(forApex.Events, e => e["UID"] == $"{harborShift}@vendorportal");
        var apexEvent = forApex.Events.Single(e => e["UID"] == $"{apexShift}@vendorportal");
        Assert.EndsWith("(10 agents, 2 confirmed)", Calendar.Unescape(apexEvent["SUMMARY"]));
        Assert.Equal("Apex BPO shifts · Demo Retail Customer Service", Calendar.Unescape(forApex.Property("X-WR-CALNAME")));

        var forHarbor = await FeedAsync(harbor, "");
        Assert.Contains(forHarbor.Events, e => e["UID"] == $"{harborShift}@vendorportal");
        Assert.DoesNotContain(forHarbor.Events, e => e["UID"] == $"{apexShift}@vendorportal");
        using (var other = await harbor.SendAsync(ApiRoutes.Demo.Shifts.Calendar.Query($"vendorId={demo.ApexInDemo}")))
            await other.ShouldBeProblem(HttpStatusCode.NotFound);

        var forPlanner = await FeedAsync(planner, "");
        Assert.Contains(forPlanner.Events, e => e["UID"] == $"{apexShift}@vendorportal");
        Assert.Contains(forPlanner.Events, e => e["UID"] == $"{harborShift}@vendorportal");
        Assert.Contains(" · Harbor Contact (4 agents, 0 confirmed)", Calendar.Unescape(forPlanner.Events.Single(e => e["UID"] == $"{harborShift}@vendorportal")["SUMMARY"]));
        var onlyHarbor = await FeedAsync(planner, $"vendorId={demo.HarborInDemo}");
        Assert.DoesNotContain(onlyHarbor.Events, e => e["UID"] == $"{apexShift}@vendorportal");

        using var key = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = $"calendar {Guid.NewGuid():N}", role = TenantRoles.VendorManager, vendorId = demo.ApexInDemo });
        await key.ShouldBe(HttpStatusCode.Created);
        using var subscriber = app.ApiKeyClient((string)(await key.ReadObjectAsync())["plainTextKey"]!);
        var byKey = await FeedAsync(subscriber, "");
        Assert.Contains(byKey.Events, e => e["UID"] == $"{apexShift}@vendorportal");
        Assert.DoesNotContain(byKey.Events, e => e["UID"] == $"{harborShift}@vendorportal");

        using var anonymous = app.Anonymous();
        using var refused = await anonymous.SendAsync(ApiRoutes.Demo.Shifts.Calendar);
        await refused.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_shift_grid_downloads_the_vendors_own_calendar()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        var eventId = await planner.NewEventAsync(daysAhead: 97, days: 1);
        var apexShift = await planner.NewShiftAsync(eventId, demo.ApexInDemo, Local(97, 9), Local(97, 17), 3);
        var harborShift = await planner.NewShiftAsync(eventId, demo.HarborInDemo, Local(97, 9), Local(97, 17), 3);

        using var portal = await app.CookieClientFor(DemoData.Apex);
        using var response = await portal.GetAsync($"{Pages.Demo.Shifts}?handler=Calendar");
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("shifts-demo.ics", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var calendar = Calendar.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(calendar.Events, e => e["UID"] == $"{apexShift}@vendorportal");
        Assert.DoesNotContain(calendar.Events, e => e["UID"] == $"{harborShift}@vendorportal");
    }

    private static async Task<Calendar> FeedAsync(HttpClient client, string query)
    {
        using var response = await client.SendAsync(ApiRoutes.Demo.Shifts.Calendar.Query(query));
        await response.ShouldBe(HttpStatusCode.OK);
        return Calendar.Parse(await response.Content.ReadAsByteArrayAsync());
    }

    private static string Utc(JsonNode? instant) =>
        DateTimeOffset.Parse((string)instant!, CultureInfo.InvariantCulture).UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A calendar read back the way a client reads it: CRLF lines checked, folds undone, events as property maps.</summary>
    private sealed record Calendar(IReadOnlyList<string> Lines, IReadOnlyList<Dictionary<string, string>> Events)
    {
        public static Calendar Parse(byte[] raw)
        {
            var text = Encoding.UTF8.GetString(raw);
            Assert.EndsWith("\r\n", text);
            Assert.DoesNotContain('\n', text.Replace("\r\n", "", StringComparison.Ordinal));
            Assert.DoesNotContain('\r', text.Replace("\r\n", "", StringComparison.Ordinal));
            var physical = text[..^2].Split("\r\n");
            Assert.All(physical, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
            Assert.Contains(physical, line => line.StartsWith(' '));

            var lines = new List<string>();
            foreach (var line in physical)
            {
                if (line.StartsWith(' ')) lines[^1] += line[1..];
                else lines.Add(line);
            }
            var events = new List<Dictionary<string, string>>();
            Dictionary<string, string>? current = null;
            foreach (var line in lines)
            {
                if (line == "BEGIN:VEVENT") current = [];
                else if (line == "END:VEVENT")
                {
                    events.Add(current!);
                    current = null;
                }
                else if (current is not null) current[Name(line)] = Value(line);
            }
            return new Calendar(lines, events);
        }

        public string Property(string name) => Value(Lines.Single(l => Name(l) == name));

        public static string Unescape(string value)
        {
            var text = new StringBuilder();
            for (var i = 0; i < value.Length; i++)
            {
                if (value[i] != '\\' || i == value.Length - 1)
                {
                    text.Append(value[i]);
                    continue;
                }
                var next = value[++i];
                text.Append(next is 'n' or 'N' ? '\n' : next);
            }
            return text.ToString();
        }

        private static string Name(string line) => line[..line.IndexOfAny([':', ';'])];

        private static string Value(string line) => line[(line.IndexOf(':') + 1)..];
    }
}
