using System.Globalization;

namespace VendorPortal.Tests.Staffing;

/// <summary>
/// Erlang C against published worked examples. The expected probabilities, service levels and speeds of answer
/// were computed independently with exact rational arithmetic (sums of A^k/k! as fractions), not by this code.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ErlangCTests(AppFactory app)
{
    private async Task<HttpResponseMessage> CalculateAsync(string query)
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        return await planner.SendAsync(ApiRoutes.Demo.ErlangC.Query(query));
    }

    private async Task<JsonObject> StaffAsync(string query)
    {
        using var response = await CalculateAsync(query);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    [Fact]
    public async Task Call_Centre_Helper_example_needs_14_agents_and_20_scheduled_after_30_percent_shrinkage()
    {
        // "Erlang C Formula – Made Simple" (Call Centre Helper): 100 calls in 30 minutes, 3-minute AHT,
        // 80% answered within 20 seconds: 10 erlangs, 14 agents, 20 after 30% shrinkage.
        var result = await StaffAsync("contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=0.8&targetSeconds=20&shrinkage=0.3");
        Assert.Equal(10.0, (double)result["trafficErlangs"]!);
        Assert.Equal(14, (int)result["agents"]!);
        Assert.Equal(20, (int)result["scheduledAgents"]!);
        Assert.Equal(0.174132, (double)result["probabilityOfWaiting"]!, 5);
        Assert.Equal(0.888350, (double)result["serviceLevel"]!, 5);
        Assert.Equal(7.8359, (double)result["averageSpeedOfAnswerSeconds"]!, 3);
        Assert.Equal(10.0 / 14, (double)result["occupancy"]!, 5);
    }

    [Fact]
    public async Task Mitan_example_of_360_calls_per_half_hour_at_4_minutes()
    {
        // "The Erlang-C Formula" worked example (Mitan): 360 calls per half hour, 4-minute calls, 15-second
        // target: 48 erlangs; 55 agents answer 84.6% within 15 s, the first count to reach 80%.
        var result = await StaffAsync("contacts=360&intervalMinutes=30&ahtSeconds=240&serviceLevel=0.8&targetSeconds=15");
        Assert.Equal(48.0, (double)result["trafficErlangs"]!);
        Assert.Equal(55, (int)result["agents"]!);
        Assert.Equal(0.238701, (double)result["probabilityOfWaiting"]!, 5);
        Assert.Equal(0.845883, (double)result["serviceLevel"]!, 5);
        Assert.Equal(8.1840, (double)result["averageSpeedOfAnswerSeconds"]!, 3);
    }

    [Fact]
    public async Task Thousands_of_erlangs_stay_stable_and_meet_the_target_with_little_slack()
    {
        // 5,000 erlangs: no factorial overflows; a huge group needs only a few percent above the traffic.
        var result = await StaffAsync("contacts=100000&intervalMinutes=60&ahtSeconds=180&serviceLevel=0.8&targetSeconds=20");
        var agents = (int)result["agents"]!;
        Assert.Equal(5000.0, (double)result["trafficErlangs"]!);
        Assert.InRange(agents, 5001, 5100);
        Assert.InRange((double)result["serviceLevel"]!, 0.8, 1.0);
        Assert.InRange((double)result["probabilityOfWaiting"]!, 0.0, 1.0);
    }

    [Fact]
    public async Task The_occupancy_cap_adds_agents_and_no_contacts_need_none()
    {
        var capped = await StaffAsync("contacts=360&intervalMinutes=30&ahtSeconds=240&serviceLevel=0.8&targetSeconds=15&maxOccupancy=0.85");
        Assert.Equal(57, (int)capped["agents"]!); // 48 / 57 = 0.842 is the first count at or under 85%
        Assert.InRange((double)capped["occupancy"]!, 0, 0.85);

        var none = await StaffAsync("contacts=0&intervalMinutes=15&ahtSeconds=300&serviceLevel=0.8&targetSeconds=20");
        Assert.Equal(0, (int)none["agents"]!);
    }

    [Fact]
    public async Task Small_traffic_is_exact()
    {
        // One erlang, 2 agents: Erlang C = 1/3 exactly; SL(20 s, AHT 180 s) = 1 − e^(−1/9)/3.
        var result = await StaffAsync("contacts=20&intervalMinutes=60&ahtSeconds=180&serviceLevel=0.6&targetSeconds=20");
        Assert.Equal(2, (int)result["agents"]!);
        Assert.Equal(1.0 / 3, (double)result["probabilityOfWaiting"]!, 6);
        Assert.Equal(1 - Math.Exp(-1.0 / 9) / 3, (double)result["serviceLevel"]!, 6);
    }

    [Fact]
    public async Task Impossible_and_malformed_inputs_are_clear_problems()
    {
        using var full = await CalculateAsync("contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=1&targetSeconds=20");
        Assert.Contains("serviceLevel", (await full.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        using var flood = await CalculateAsync("contacts=1e9&intervalMinutes=15&ahtSeconds=600&serviceLevel=0.8&targetSeconds=20");
        Assert.Contains("contacts", (await flood.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());

        using var shrinkage = await CalculateAsync("contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=0.8&targetSeconds=20&shrinkage=1");
        await shrinkage.ShouldBeProblem(HttpStatusCode.BadRequest);

        using var aht = await CalculateAsync("contacts=100&intervalMinutes=30&ahtSeconds=0&serviceLevel=0.8&targetSeconds=20");
        await aht.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Results_do_not_depend_on_the_server_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var result = await StaffAsync("contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevel=0.8&targetSeconds=20&shrinkage=0.3");
            Assert.Equal(14, (int)result["agents"]!);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task The_portal_calculator_shows_the_same_answer_as_the_api()
    {
        using var planner = await app.CookieClientFor(DemoData.Planner);
        using var response = await planner.GetAsync($"{Pages.Demo.Staffing}?contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevelPercent=80&targetSeconds=20&shrinkagePercent=30&maxOccupancyPercent=100");
        await response.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"result-agents\">14<", html);
        Assert.Contains("id=\"result-scheduled\">20<", html);

        using var impossible = await planner.GetAsync($"{Pages.Demo.Staffing}?contacts=100&intervalMinutes=30&ahtSeconds=180&serviceLevelPercent=100&targetSeconds=20");
        Assert.DoesNotContain("result-agents", await impossible.Content.ReadAsStringAsync());
    }
}
