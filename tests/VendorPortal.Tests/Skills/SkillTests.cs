namespace VendorPortal.Tests.Skills;

[Collection(AppCollection.Name)]
public sealed class SkillTests(AppFactory app)
{
    [Fact]
    public async Task Admin_creates_a_skill_and_every_member_lists_it()
    {
        var code = $"s-{Guid.NewGuid():N}"[..20];
        using var admin = await app.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.Skills.Create, new { code, name = "Live commerce chat", description = " Streams " });
        await created.ShouldBe(HttpStatusCode.Created);
        var skill = await created.ReadObjectAsync();
        Assert.Equal(code.ToUpperInvariant(), (string?)skill["code"]);
        Assert.Equal("Streams", (string?)skill["description"]);

        using var harbor = await app.ClientFor(DemoData.Harbor);
        var page = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Skills.List.Query("pageSize=200"));
        Assert.Contains(code.ToUpperInvariant(), page!["items"]!.AsArray().Select(s => (string?)s!["code"]));
        Assert.Contains("PRESALES", page["items"]!.AsArray().Select(s => (string?)s!["code"]));
    }

    [Fact]
    public async Task Skills_of_one_tenant_are_not_listed_in_another()
    {
        using var sandboxAdmin = await app.ClientFor(DemoData.SandboxAdmin);
        var page = await sandboxAdmin.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Skills.List.Query("pageSize=200"));
        var codes = page!["items"]!.AsArray().Select(s => (string?)s!["code"]).ToList();
        Assert.Contains("CHAT", codes);
        Assert.DoesNotContain("PRESALES", codes);
    }

    [Fact]
    public async Task Duplicate_skill_code_is_a_409_problem_whatever_its_case()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Skills.Create, new { code = "presales", name = "Again" });
        Assert.Contains("code", (await response.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Fact]
    public async Task Skill_code_with_spaces_is_refused()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Skills.Create, new { code = "two words", name = "Bad code" });
        Assert.Contains("code", (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
    }

    [Fact]
    public async Task Vendor_user_cannot_create_skills()
    {
        using var apex = await app.ClientFor(DemoData.Apex);
        using var response = await apex.SendAsync(ApiRoutes.Demo.Skills.Create, new { code = "NOPE", name = "Nope" });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }
}
