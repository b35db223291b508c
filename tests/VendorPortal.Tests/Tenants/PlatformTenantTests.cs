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
        using var created = await ops.PostAsJsonAsync("/api/platform/tenants",
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
        var settings = await newAdmin.GetFromJsonAsync<JsonObject>($"/api/t/{slug}/settings");
        Assert.Equal("Europe/Berlin", (string?)settings!["timeZone"]);
        using (var vendor = await newAdmin.PostAsJsonAsync($"/api/t/{slug}/vendors", new { name = "Apex BPO" }))
            await vendor.ShouldBe(HttpStatusCode.Created);
        using (var demoFromNew = await newAdmin.GetAsync("/api/t/demo/vendors"))
            await demoFromNew.ShouldBeProblem(HttpStatusCode.NotFound);

        using var demoAdmin = await app.ClientFor(DemoData.Admin);
        using var newFromDemo = await demoAdmin.GetAsync($"/api/t/{slug}/vendors");
        await newFromDemo.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Duplicate_slug_is_a_409_problem()
    {
        using var ops = await app.ClientFor(DemoData.Operator);
        using var response = await ops.PostAsJsonAsync("/api/platform/tenants",
            new { slug = "demo", name = "Another demo", timeZone = "UTC", currency = "USD", adminEmail = People.NewEmail("dupslug"), language = "en" });
        Assert.Contains("slug", (await response.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Fact]
    public async Task Tenant_members_cannot_create_tenants()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.PostAsJsonAsync("/api/platform/tenants",
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
        using var response = await ops.PostAsJsonAsync("/api/platform/tenants",
            new { slug, name = "Bad slug", timeZone = "UTC", currency = "USD", adminEmail = People.NewEmail("badslug"), language = "en" });
        Assert.Contains("slug", (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
    }
}
