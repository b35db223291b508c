namespace VendorPortal.Tests.Tenants;

[Collection(AppCollection.Name)]
public sealed class PlatformTenantTests(AppFactory app)
{
    [Fact]
    public async Task Operator_creates_a_tenant_and_its_first_admin_is_invited_by_mail()
    {
        var slug = $"t-{Guid.NewGuid():N}"[..14];
        var adminEmail = People.NewEmail("firstadmin");
        using var ops = await app.ClientFor(DemoData.Operator);
        using var created = await ops.SendAsync(ApiRoutes.CreateTenant,
            new { slug, name = "Northwind Care", timeZone = "Europe/Berlin", currency = "EUR", adminEmail, language = "en" });
        await created.ShouldBe(HttpStatusCode.Created);
        var tenant = await created.ReadObjectAsync();
        Assert.Equal(slug, (string?)tenant["slug"]);

        var mail = Assert.Single(await app.WaitForMailToAsync(adminEmail));
        Assert.Contains("Northwind Care", mail.TextBody);
        using (var accepted = await app.AcceptAsync(mail.InvitationToken(), People.GoodPassword))
        {
            await accepted.ShouldBe(HttpStatusCode.OK);
            Assert.Equal(slug, (string?)(await accepted.ReadObjectAsync())["tenant"]);
        }

        using var newAdmin = await app.ClientFor(adminEmail, People.GoodPassword);
        var settings = await newAdmin.GetFromJsonAsync<JsonObject>(ApiRoutes.For(slug).Settings.Get);
        Assert.Equal("Europe/Berlin", (string?)settings!["timeZone"]);
        using (var vendor = await newAdmin.SendAsync(ApiRoutes.For(slug).Vendors.Create, new { name = "Apex BPO" }))
            await vendor.ShouldBe(HttpStatusCode.Created);
        using (var demoFromNew = await newAdmin.SendAsync(ApiRoutes.Demo.Vendors.List))
            await demoFromNew.ShouldBeProblem(HttpStatusCode.NotFound);

        using var demoAdmin = await app.ClientFor(DemoData.Admin);
        using var newFromDemo = await demoAdmin.SendAsync(ApiRoutes.For(slug).Vendors.List);
        await newFromDemo.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Existing_account_joins_a_second_tenant_with_its_own_password()
    {
        var email = await app.NewMemberAsync("twotenants");
        var slug = $"t-{Guid.NewGuid():N}"[..14];
        using var ops = await app.ClientFor(DemoData.Operator);
        using (var created = await ops.SendAsync(ApiRoutes.CreateTenant,
            new { slug, name = "Second Home", timeZone = "Asia/Tokyo", currency = "JPY", adminEmail = email, language = "en" }))
            await created.ShouldBe(HttpStatusCode.Created);
        var token = Assert.Single(await app.WaitForMailToAsync(email, m => (m.TextBody ?? "").Contains("Second Home", StringComparison.Ordinal))).InvitationToken();

        using (var wrong = await app.AcceptAsync(token, "not-their-password-at-all"))
            Assert.Contains("password", (await wrong.ShouldBeProblem(HttpStatusCode.Unauthorized)).ErrorFields());
        using (var accepted = await app.AcceptAsync(token, People.GoodPassword))
            await accepted.ShouldBe(HttpStatusCode.OK);

        using var member = await app.ClientFor(email, People.GoodPassword);
        var me = await member.GetFromJsonAsync<JsonObject>(ApiRoutes.Me);
        Assert.Equal([("demo", "Planner"), (slug, "TenantAdmin")],
            me!["memberships"]!.AsArray().Select(m => ((string?)m!["tenant"], (string?)m["role"])).OrderBy(m => m.Item1 == "demo" ? 0 : 1));
        using var settings = await member.SendAsync(ApiRoutes.For(slug).Settings.Get);
        await settings.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Duplicate_slug_is_a_409_problem()
    {
        using var ops = await app.ClientFor(DemoData.Operator);
        using var response = await ops.SendAsync(ApiRoutes.CreateTenant,
            new { slug = "demo", name = "Another demo", timeZone = "UTC", currency = "USD", adminEmail = People.NewEmail("dupslug"), language = "en" });
        Assert.Contains("slug", (await response.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Fact]
    public async Task Tenant_members_cannot_create_tenants()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.CreateTenant,
            new { slug = "sneaky", name = "Sneaky", timeZone = "UTC", currency = "USD", adminEmail = People.NewEmail("sneaky"), language = "en" });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Theory]
    [InlineData("Bad Slug")]
    [InlineData("-leading")]
    [InlineData("x")]
    public async Task Slug_must_be_lower_case_letters_digits_and_inner_hyphens(string slug)
    {
        using var ops = await app.ClientFor(DemoData.Operator);
        using var response = await ops.SendAsync(ApiRoutes.CreateTenant,
            new { slug, name = "Bad slug", timeZone = "UTC", currency = "USD", adminEmail = People.NewEmail("badslug"), language = "en" });
        Assert.Contains("slug", (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
