namespace VendorPortal.Tests.Agents;

[Collection(AppCollection.Name)]
public sealed class AgentTests(AppFactory app)
{
    [Fact]
    public async Task Vendor_manager_keeps_own_agents_and_another_vendor_cannot_see_them()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        using var harbor = await app.ClientFor(DemoData.Harbor);
        var id = await apex.NewAgentAsync("周杰 Zhou Jie", "active", "PRESALES", "hotline");

        var agent = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.Get(id), Json.Options);
        Assert.Equal("周杰 Zhou Jie", (string)agent!["displayName"]!);
        Assert.Equal(["HOTLINE", "PRESALES"], agent["skills"]!.AsArray().Select(s => (string)s!));

        using var foreign = await harbor.SendAsync(ApiRoutes.Demo.Agents.Get(id));
        await foreign.ShouldBeProblem(HttpStatusCode.NotFound);
        var harborList = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.List.Query("pageSize=200"), Json.Options);
        var demo = await app.Demo;
        Assert.All(harborList!["items"]!.AsArray(), a => Assert.Equal(demo.HarborInDemo, Guid.Parse((string)a!["vendorId"]!)));
    }

    [Fact]
    public async Task Planner_reads_every_vendors_agents_but_cannot_change_them()
    {
        using var planner = await app.ClientFor(DemoData.Planner);
        var list = await planner.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.List.Query("pageSize=200"), Json.Options);
        var vendors = list!["items"]!.AsArray().Select(a => (string)a!["vendorId"]!).Distinct().Count();
        Assert.True(vendors >= 2, "A planner sees the agents of both demo vendors.");

        using var create = await planner.SendAsync(ApiRoutes.Demo.Agents.Create, new { externalRef = "P1", displayName = "x" });
        await create.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Duplicate_reference_within_a_vendor_is_a_conflict_and_unknown_skills_are_named()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        var reference = ReserveAgents.NewRef("DUP");
        using var first = await apex.SendAsync(ApiRoutes.Demo.Agents.Create, new { externalRef = reference, displayName = "One" });
        await first.ShouldBe(HttpStatusCode.Created);
        using var second = await apex.SendAsync(ApiRoutes.Demo.Agents.Create, new { externalRef = reference, displayName = "Two" });
        Assert.Contains("externalRef", (await second.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorFields());

        using var unknown = await apex.SendAsync(ApiRoutes.Demo.Agents.Create, new { externalRef = ReserveAgents.NewRef("U"), displayName = "x", skills = new[] { "NOPE" } });
        var problem = await unknown.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("NOPE", problem.ToJsonString());
    }

    [Fact]
    public async Task Agents_with_training_history_leave_instead_of_being_deleted()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        using var planner = await app.ClientFor(DemoData.Planner);
        var trained = await apex.NewAgentAsync();
        var fresh = await apex.NewAgentAsync();
        var session = await planner.NewSessionAsync(daysAhead: 40);
        using (var enrolled = await apex.EnrollAsync(session.Id(), trained)) await enrolled.ShouldBe(HttpStatusCode.OK);

        using (var delete = await apex.SendAsync(ApiRoutes.Demo.Agents.Delete(trained))) await delete.ShouldBe(HttpStatusCode.NoContent);
        var kept = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Agents.Get(trained), Json.Options);
        Assert.Equal("left", (string)kept!["status"]!);

        using (var delete = await apex.SendAsync(ApiRoutes.Demo.Agents.Delete(fresh))) await delete.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await apex.SendAsync(ApiRoutes.Demo.Agents.Get(fresh));
        await gone.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Pool_depth_sets_the_target_from_the_reserve_ratio_and_the_planned_peak()
    {
        var demo = await app.Demo;
        using var planner = await app.ClientFor(DemoData.Planner);
        using var set = await planner.SendAsync(ApiRoutes.Demo.Pool.SetPlans,
            new { plans = new[] { new { vendorId = demo.HarborInDemo, skill = "hotline", peakHeadcount = 7 } } });
        await set.ShouldBe(HttpStatusCode.OK);
        var pool = await set.ReadObjectAsync();
        var row = pool["rows"]!.AsArray().Single(r => (string)r!["vendorName"]! == "Harbor Contact" && (string)r["skillCode"]! == "HOTLINE")!;
        var ratio = (decimal)pool["reserveRatioTarget"]!;
        Assert.Equal((int)Math.Ceiling(7 * ratio), (int)row["target"]!);
        Assert.Equal((int)row["activeAgents"]! - (int)row["target"]!, (int)row["gap"]!);
        Assert.Equal("red", (string)row["status"]!);

        using var harbor = await app.ClientFor(DemoData.Harbor);
        var own = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Pool.Get, Json.Options);
        Assert.All(own!["rows"]!.AsArray(), r => Assert.Equal("Harbor Contact", (string)r!["vendorName"]!));

        using var vendorPlans = await harbor.SendAsync(ApiRoutes.Demo.Pool.SetPlans,
            new { plans = new[] { new { vendorId = demo.HarborInDemo, skill = "HOTLINE", peakHeadcount = 1 } } });
        await vendorPlans.ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
