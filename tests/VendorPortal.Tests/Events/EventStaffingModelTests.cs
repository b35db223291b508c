namespace VendorPortal.Tests.Events;

/// <summary>An event's staffing model: Erlang C by default, Erlang A with the callers' patience, used by its staffing.</summary>
[Collection(AppCollection.Name)]
public sealed class EventStaffingModelTests(AppFactory app)
{
    private DateOnly Day => app.Today().AddDays(45);

    /// <summary>An event body; the staffing model and patience only when given (absent = Erlang C, no patience).</summary>
    private JsonObject Event(string name, string? model = null, double? patience = null)
    {
        var body = JsonSerializer.SerializeToNode(new
        {
            name, startDate = Day, endDate = Day, intervalMinutes = 30,
            serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        }, Json.Options)!.AsObject();
        if (model is not null) body["staffingModel"] = model;
        if (patience is not null) body["patienceSeconds"] = patience;
        return body;
    }

    private async Task<string> CreateWithForecastAsync(HttpClient planner, string name)
    {
        using var created = await planner.SendAsync(ApiRoutes.Demo.Events.Create, Event(name));
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (string)(await created.ReadObjectAsync())["id"]!;
        using var put = await planner.SendAsync(ApiRoutes.Demo.Events.ReplaceForecast(id), new
        {
            rows = new[]
            {
                new { skill = "PRESALES", date = Day.ToString("yyyy-MM-dd"), start = "10:00", contacts = 1200.0, ahtSeconds = 300.0 },
                new { skill = "PRESALES", date = Day.ToString("yyyy-MM-dd"), start = "10:30", contacts = 100.0, ahtSeconds = 180.0 },
            },
        });
        await put.ShouldBe(HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task An_event_sized_with_Erlang_A_needs_fewer_agents_and_reports_its_abandon_rate()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var id = await CreateWithForecastAsync(planner, "Patience sale");
        var erlangC = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Staffing(id), Json.Options);
        Assert.Equal("erlangC", (string)erlangC!["staffingModel"]!);
        Assert.Null(erlangC["patienceSeconds"]);
        var cPeak = erlangC["intervals"]!.AsArray()[0]!;
        Assert.Equal(0, (double)cPeak["abandonRate"]!);

        using var update = await planner.SendAsync(ApiRoutes.Demo.Events.Update(id), Event("Patience sale", "erlangA", 30));
        await update.ShouldBe(HttpStatusCode.OK);
        var updated = await update.ReadObjectAsync();
        Assert.Equal("erlangA", (string)updated["staffingModel"]!);
        Assert.Equal(30, (double)updated["patienceSeconds"]!);

        var erlangA = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Staffing(id), Json.Options);
        Assert.Equal("erlangA", (string)erlangA!["staffingModel"]!);
        Assert.Equal(30, (double)erlangA["patienceSeconds"]!);
        var aPeak = erlangA["intervals"]!.AsArray()[0]!;
        Assert.True((int)aPeak["agents"]! < (int)cPeak["agents"]!, $"Erlang A {aPeak["agents"]} vs Erlang C {cPeak["agents"]}");
        Assert.True((double)aPeak["abandonRate"]! > 0);
        Assert.True((int)erlangA["days"]!.AsArray()[0]!["peakAgents"]! < (int)erlangC["days"]!.AsArray()[0]!["peakAgents"]!);

        // The same numbers as the calculator's endpoint for that interval.
        var calculator = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ErlangA.Query(
            "contacts=1200&intervalMinutes=30&ahtSeconds=300&serviceLevel=0.8&targetSeconds=20&shrinkage=0.3&maxOccupancy=1&patienceSeconds=30"), Json.Options);
        foreach (var field in new[] { "trafficErlangs", "agents", "scheduledAgents", "serviceLevel", "probabilityOfWaiting", "averageSpeedOfAnswerSeconds", "occupancy", "abandonRate" })
            Assert.Equal((double)calculator![field]!, (double)aPeak[field]!);

        // The list shows the assumption too; back to Erlang C drops the patience.
        var list = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.List.Query("pageSize=200"), Json.Options);
        var listed = list!["items"]!.AsArray().Single(e => (string)e!["id"]! == id)!;
        Assert.Equal("erlangA", (string)listed["staffingModel"]!);
        using var back = await planner.SendAsync(ApiRoutes.Demo.Events.Update(id), Event("Patience sale", "erlangC", 30));
        await back.ShouldBe(HttpStatusCode.OK);
        var reverted = await back.ReadObjectAsync();
        Assert.Equal("erlangC", (string)reverted["staffingModel"]!);
        Assert.Null(reverted["patienceSeconds"]);
        var again = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Staffing(id), Json.Options);
        Assert.Equal((int)cPeak["agents"]!, (int)again!["intervals"]!.AsArray()[0]!["agents"]!);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(0.0)]
    [InlineData(-30.0)]
    [InlineData(86_401.0)]
    public async Task Erlang_A_needs_a_positive_patience(double? patience)
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        using var created = await planner.SendAsync(ApiRoutes.Demo.Events.Create, Event("Impatient", "erlangA", patience));
        var problem = await created.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains(problem.ErrorFields(), f => f.EndsWith("patienceSeconds", StringComparison.OrdinalIgnoreCase));

        var id = await CreateWithForecastAsync(planner, "Impatient edit");
        using var update = await planner.SendAsync(ApiRoutes.Demo.Events.Update(id), Event("Impatient edit", "erlangA", patience));
        var refused = await update.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.Contains(refused.ErrorFields(), f => f.EndsWith("patienceSeconds", StringComparison.OrdinalIgnoreCase));
        var unchanged = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.Get(id), Json.Options);
        Assert.Equal("erlangC", (string)unchanged!["staffingModel"]!);
    }

    [Fact]
    public async Task An_unknown_model_is_refused_and_Erlang_C_ignores_a_patience()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        using var unknown = await planner.SendAsync(ApiRoutes.Demo.Events.Create, Event("Unknown model", "erlangB", 60));
        await unknown.ShouldBeProblem(HttpStatusCode.BadRequest);

        using var created = await planner.SendAsync(ApiRoutes.Demo.Events.Create, Event("Patience ignored", "erlangC", 60));
        await created.ShouldBe(HttpStatusCode.Created);
        var body = await created.ReadObjectAsync();
        Assert.Equal("erlangC", (string)body["staffingModel"]!);
        Assert.Null(body["patienceSeconds"]);
    }

    [Fact]
    public async Task The_event_form_without_JavaScript_posts_both_fields_and_Erlang_C_ignores_the_patience()
    {
        List<KeyValuePair<string, string>> Form(string name, string model, string patience) =>
        [
            new("Input.Name", name), new("Input.StartDate", Day.ToString("yyyy-MM-dd")), new("Input.EndDate", Day.ToString("yyyy-MM-dd")),
            new("Input.Status", "Planning"), new("Input.IntervalMinutes", "30"), new("Input.ServiceLevel", "0.8"),
            new("Input.TargetSeconds", "20"), new("Input.Shrinkage", "0.3"), new("Input.MaxOccupancy", "1"),
            new("Input.StaffingModel", model), new("Input.PatienceSeconds", patience), new("Input.Description", ""),
        ];
        using var portal = await app.CookieClientFor(DemoData.Planner);
        using var api = await app.ClientFor(DemoData.Planner);

        var plainName = $"Form C {Guid.NewGuid():N}"[..16];
        using var plain = await portal.PostFormAsync(Pages.Demo.Events, null, Form(plainName, "ErlangC", "90"));
        Assert.Equal(HttpStatusCode.Redirect, plain.StatusCode);
        var plainEvent = await EventNamedAsync(api, plainName);
        Assert.Equal("erlangC", (string)plainEvent["staffingModel"]!);
        Assert.Null(plainEvent["patienceSeconds"]);

        var patientName = $"Form A {Guid.NewGuid():N}"[..16];
        using var missing = await portal.PostFormAsync(Pages.Demo.Events, null, Form(patientName, "ErlangA", ""));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Erlang A needs the callers", await missing.Content.ReadAsStringAsync());
        using var patient = await portal.PostFormAsync(Pages.Demo.Events, null, Form(patientName, "ErlangA", "90"));
        Assert.Equal(HttpStatusCode.Redirect, patient.StatusCode);
        var patientEvent = await EventNamedAsync(api, patientName);
        Assert.Equal("erlangA", (string)patientEvent["staffingModel"]!);
        Assert.Equal(90, (double)patientEvent["patienceSeconds"]!);
    }

    private static async Task<JsonObject> EventNamedAsync(HttpClient api, string name)
    {
        var list = await api.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Events.List.Query("pageSize=200"), Json.Options);
        return list!["items"]!.AsArray().Single(e => (string)e!["name"]! == name)!.AsObject();
    }
}
