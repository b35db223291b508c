using System.Text;

namespace VendorPortal.Tests.Events;

[Collection(AppCollection.Name)]
public sealed class EventTests(AppFactory app)
{
    private DateOnly Day => app.Today().AddDays(40);

    private async Task<JsonObject> CreateAsync(HttpClient client, object body, string tenant = "demo")
    {
        using var response = await client.SendAsync(ApiRoutes.For(tenant).Events.Create, body);
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.ReadObjectAsync();
    }

    private object Event(string name, int days = 2, int interval = 30, double shrinkage = 0.3) => new
    {
        name, startDate = Day, endDate = Day.AddDays(days - 1), intervalMinutes = interval,
        serviceLevel = 0.8, targetSeconds = 20, shrinkage, maxOccupancy = 1.0,
    };

    private static object Row(string skill, DateOnly date, string start, double contacts, double aht) =>
        new { skill, date = date.ToString("yyyy-MM-dd"), start, contacts, ahtSeconds = aht };

    [Fact]
    public async Task Planner_creates_reads_and_edits_an_event_and_vendors_may_read_but_not_write()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var created = await CreateAsync(planner, Event("Spring sale"));
        var id = (string)created["id"]!;
        Assert.Equal("planning", (string)created["status"]!);
        Assert.Equal(30, (int)created["intervalMinutes"]!);
        Assert.Equal(Day.ToString("yyyy-MM-dd"), (string)created["startDate"]!);

        using var update = await planner.SendAsync(ApiRoutes.Demo.Events.Update(id), new
        {
            name = "Spring sale (extended)", startDate = Day, endDate = Day.AddDays(3), status = "confirmed",
            intervalMinutes = 15, serviceLevel = 0.9, targetSeconds = 15, shrinkage = 0.25, maxOccupancy = 0.85, description = "Three days.",
        });
        await update.ShouldBe(HttpStatusCode.OK);
        var updated = await update.ReadObjectAsync();
        Assert.Equal("confirmed", (string)updated["status"]!);
        Assert.Equal(15, (int)updated["intervalMinutes"]!);

        using var apex = await app.ClientFor(DemoData.Apex);
        var read = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Get(id), Json.Options);
        Assert.Equal("Spring sale (extended)", (string)read!["name"]!);
        var list = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.List.Query("pageSize=200"), Json.Options);
        Assert.Contains(list!["items"]!.AsArray(), e => (string)e!["id"]! == id);
        using var refused = await apex.SendAsync(ApiRoutes.Demo.Events.Create, Event("Vendor's own"));
        await refused.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("intervalMinutes", 20)]
    [InlineData("serviceLevel", 1.0)]
    [InlineData("shrinkage", 1.0)]
    [InlineData("maxOccupancy", 0.0)]
    public async Task Bad_staffing_assumptions_are_refused(string field, double value)
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var body = JsonSerializer.SerializeToNode(Event("Bad"), Json.Options)!.AsObject();
        body[field] = value;
        using var response = await planner.SendAsync(ApiRoutes.Demo.Events.Create, body);
        var problem = await response.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorFields(), f => f.Equals(field, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task An_event_must_end_on_or_after_its_first_day()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        using var response = await planner.SendAsync(ApiRoutes.Demo.Events.Create, new { name = "Backwards", startDate = Day, endDate = Day.AddDays(-1) });
        await response.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Forecast_replace_is_all_or_nothing_and_names_every_bad_row()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var id = (string)(await CreateAsync(planner, Event("Forecast rules")))["id"]!;
        using var bad = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(id), new
        {
            rows = new[]
            {
                Row("PRESALES", Day, "10:00", 100, 180),
                Row("NOPE", Day, "10:00", 100, 180),
                Row("PRESALES", Day.AddDays(5), "10:00", 100, 180),
                Row("PRESALES", Day, "10:10", 100, 180),
                Row("PRESALES", Day, "11:00", -1, 180),
                Row("presales", Day, "10:00", 50, 180),
            },
        });
        var problem = await bad.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        var text = problem.ToJsonString();
        Assert.Equal(["rows[1]", "rows[2]", "rows[3]", "rows[4]", "rows[5]"], problem.ErrorFields().Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("unknown skill NOPE", text);
        Assert.Contains("outside the event", text);
        Assert.Contains("not on the 30-minute interval grid", text);
        Assert.Contains("negative contacts", text);
        Assert.Contains("duplicate of rows[0]", text);
        Assert.Equal(0, (int)(await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Get(id), Json.Options))!["forecastRows"]!);

        using var good = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(id), new
        {
            rows = new[] { Row("PRESALES", Day, "10:00", 100, 180), Row("HOTLINE", Day.AddDays(1), "20:30", 40, 300) },
        });
        await good.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, (int)(await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Get(id), Json.Options))!["forecastRows"]!);

        // Replacing means replacing: the old rows go.
        using var again = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(id), new { rows = new[] { Row("AFTERSALES", Day, "09:00", 10, 400) } });
        await again.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(1, (int)(await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Get(id), Json.Options))!["forecastRows"]!);

        // Moving the dates away from the forecast, or a coarser grid, would strand rows: refused until the forecast is replaced.
        using var moved = await planner.SendAsync(ApiRoutes.Demo.Events.Update(id), new { name = "Forecast rules", startDate = Day.AddDays(1), endDate = Day.AddDays(2) });
        await moved.ShouldBeProblem(HttpStatusCode.Conflict);
        using var hourly = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(id), new { rows = new[] { Row("AFTERSALES", Day, "09:30", 10, 400) } });
        await hourly.ShouldBe(HttpStatusCode.OK);
        using var coarser = await planner.SendAsync(ApiRoutes.Demo.Events.Update(id), new { name = "Forecast rules", startDate = Day, endDate = Day.AddDays(1), intervalMinutes = 60 });
        await coarser.ShouldBeProblem(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Csv_import_reports_bad_lines_and_stores_nothing_then_stores_a_good_file()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var id = (string)(await CreateAsync(planner, Event("CSV forecast")))["id"]!;
        var d = Day.ToString("yyyy-MM-dd");
        var csv = $"skill,date,start,contacts,ahtSeconds\nPRESALES,{d},10:00,100,180\nPRESALES,{d},10:15,100,180\nHOTLINE,{d},10:00,abc,180\nGHOST,{d},11:00,5,180\n";
        using var bad = await planner.SendAsync(ApiRoutes.Demo.Events.ImportForecast(id), new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await bad.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["line 3", "line 4", "line 5"], problem.ErrorFields().Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("bad contacts", problem.ToJsonString());
        Assert.Equal(0, (int)(await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Get(id), Json.Options))!["forecastRows"]!);

        using var good = await planner.SendAsync(ApiRoutes.Demo.Events.ImportForecast(id),
            new StringContent($"Skill,Date,Start,Contacts,AhtSeconds\nPRESALES,{d},10:00,100,180\nHOTLINE,{d},10:30,20,240\n", Encoding.UTF8, "text/csv"));
        await good.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(2, (int)(await good.ReadObjectAsync())["rows"]!);

        using var missing = await planner.SendAsync(ApiRoutes.Demo.Events.ImportForecast(id), new StringContent("skill,date\nPRESALES,2026-01-01\n", Encoding.UTF8, "text/csv"));
        Assert.Contains("line 1", (await missing.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task Staffing_per_interval_equals_erlang_c_and_the_day_summary_takes_the_peak()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var id = (string)(await CreateAsync(planner, Event("Staffing check")))["id"]!;
        using var put = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(id), new
        {
            rows = new[] { Row("PRESALES", Day, "10:00", 100, 180), Row("PRESALES", Day, "10:30", 20, 180), Row("PRESALES", Day, "11:00", 0, 180) },
        });
        await put.ShouldBe(HttpStatusCode.OK);
        var staffing = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Staffing(id), Json.Options);
        var erlang = await planner.GetFromJsonAsync<JsonObject>(
            ApiRoutes.Demo.ErlangC.Query("contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=0.8&targetSeconds=20&shrinkage=0.3&maxOccupancy=1"), Json.Options);
        var first = staffing!["intervals"]!.AsArray()[0]!;
        Assert.Equal($"{Day:yyyy-MM-dd}T10:00:00+08:00", (string)first["start"]!);
        Assert.Equal(14, (int)first["agents"]!);
        Assert.Equal(20, (int)first["scheduledAgents"]!);
        foreach (var field in new[] { "trafficErlangs", "agents", "scheduledAgents", "serviceLevel", "probabilityOfWaiting", "averageSpeedOfAnswerSeconds", "occupancy" })
            Assert.Equal((double)erlang![field]!, (double)first[field]!);
        Assert.Equal(0, (int)staffing["intervals"]!.AsArray()[2]!["agents"]!);

        var day = Assert.Single(staffing["days"]!.AsArray())!;
        Assert.Equal("PRESALES", (string)day["skill"]!);
        Assert.Equal(120, (double)day["forecastContacts"]!);
        Assert.Equal(14, (int)day["peakAgents"]!);
        Assert.Equal(20, (int)day["peakScheduledAgents"]!);
        Assert.Equal(0, (int)day["requestedAgents"]!);
        Assert.Equal(0, (int)day["confirmedAgents"]!);
        Assert.Contains("capacity requests", (string)staffing["summary"]!);
    }

    [Fact]
    public async Task Intervals_the_clocks_skip_are_refused_and_the_others_carry_the_right_offset()
    {
        using var admin = await app.ClientFor(DemoData.SandboxAdmin);
        var day = new DateOnly(2027, 3, 28);
        var id = (string)(await CreateAsync(admin, new { name = "Spring clocks", startDate = day, endDate = day, intervalMinutes = 30 }, "sandbox"))["id"]!;
        using var bad = await admin.SendAsync(ApiRoutes.Sandbox.Events.ReplaceForecast(id), new
        {
            rows = new[] { Row("CHAT", day, "00:30", 10, 200), Row("CHAT", day, "01:00", 10, 200), Row("CHAT", day, "01:30", 10, 200), Row("CHAT", day, "02:00", 10, 200) },
        });
        var problem = await bad.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Equal(["rows[1]", "rows[2]"], problem.ErrorFields().Order(StringComparer.Ordinal).ToArray());
        Assert.Contains("2027-03-28 01:00 does not exist in Europe/London", problem.ToJsonString());

        using var good = await admin.SendAsync(ApiRoutes.Sandbox.Events.ReplaceForecast(id), new
        {
            rows = new[] { Row("CHAT", day, "00:30", 10, 200), Row("CHAT", day, "02:00", 10, 200) },
        });
        await good.ShouldBe(HttpStatusCode.OK);
        var staffing = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Events.Staffing(id), Json.Options);
        var starts = staffing!["intervals"]!.AsArray().Select(i => (string)i!["start"]!).ToArray();
        Assert.Equal(["2027-03-28T00:30:00+00:00", "2027-03-28T02:00:00+01:00"], starts);
    }

    [Fact]
    public async Task Event_page_shows_the_day_table_and_the_staffing_chart()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        var events = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.List.Query("pageSize=200"), Json.Options);
        var seeded = events!["items"]!.AsArray().First(e => (string)e!["name"]! == "Double 12")!;
        Assert.Equal(3 * 3 * 48, (int)seeded["forecastRows"]!);
        var sessions = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Training.List.Query($"eventId={(string)seeded["id"]!}"), Json.Options);
        Assert.NotEmpty(sessions!["items"]!.AsArray());

        using var planner = await app.CookieClientFor(DemoData.Planner);
        var html = await planner.GetStringAsync(Pages.Demo.Event((string)seeded["id"]!));
        Assert.Contains("id=\"staffing-chart\"", html);
        Assert.Contains("<svg", html);
        Assert.Contains("id=\"day-table\"", html);
        Assert.Contains("PRESALES", html);
        var list = await planner.GetStringAsync(Pages.Demo.Events);
        Assert.Contains("Double 12", list);
    }
}
