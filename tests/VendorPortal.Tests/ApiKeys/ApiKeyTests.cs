using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Tests.ApiKeys;

[Collection(AppCollection.Name)]
public sealed class ApiKeyTests(AppFactory app)
{
    [Fact]
    public async Task Vendor_key_is_shown_once_and_lists_show_only_its_prefix()
    {
        var (id, plain, created) = await CreateApexKeyAsync();
        Assert.StartsWith("vpk_", plain);
        Assert.Equal(plain.Split('_')[1], (string?)created["key"]!["prefix"]);

        using var admin = await app.ClientFor(DemoData.Admin);
        using var list = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.List.Query("pageSize=200"));
        await list.ShouldBe(HttpStatusCode.OK);
        var text = await list.Content.ReadAsStringAsync();
        Assert.DoesNotContain(plain, text);
        Assert.DoesNotContain(plain.Split('_')[2], text);
        var listed = (await list.ReadObjectAsync())["items"]!.AsArray().Single(k => (string?)k!["id"] == id.ToString())!;
        Assert.Equal(plain.Split('_')[1], (string?)listed["prefix"]);
        Assert.Null(listed["plainTextKey"]);
    }

    [Fact]
    public async Task Vendor_key_sees_only_its_own_vendor_in_its_own_tenant()
    {
        var demo = await app.Demo;
        var (_, plain, _) = await CreateApexKeyAsync();
        using var key = app.ApiKeyClient(plain);

        using var vendors = await key.SendAsync(ApiRoutes.Demo.Vendors.List);
        await vendors.ShouldBe(HttpStatusCode.OK);
        var items = (await vendors.ReadObjectAsync())["items"]!.AsArray();
        Assert.Equal([demo.ApexInDemo.ToString()], items.Select(v => (string?)v!["id"]));

        using var own = await key.SendAsync(ApiRoutes.Demo.Vendors.Get(demo.ApexInDemo));
        await own.ShouldBe(HttpStatusCode.OK);
        using var harbor = await key.SendAsync(ApiRoutes.Demo.Vendors.Get(demo.HarborInDemo));
        await harbor.ShouldBeProblem(HttpStatusCode.NotFound);
        using var sandbox = await key.SendAsync(ApiRoutes.Sandbox.Vendors.List);
        await sandbox.ShouldBeProblem(HttpStatusCode.NotFound);
        using var sandboxApex = await key.SendAsync(ApiRoutes.Sandbox.Vendors.Get(demo.ApexInSandbox));
        await sandboxApex.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Vendor_key_cannot_do_admin_work()
    {
        var (_, plain, _) = await CreateApexKeyAsync();
        using var key = app.ApiKeyClient(plain);
        using var response = await key.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"By key {Guid.NewGuid():N}" });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        var (id, plain, created) = await CreateApexKeyAsync();
        Assert.Null(created["key"]!["lastUsedAt"]);
        using (var key = app.ApiKeyClient(plain))
        using (var response = await key.SendAsync(ApiRoutes.Demo.Vendors.List))
            await response.ShouldBe(HttpStatusCode.OK);

        var listed = await ListedAsync(id);
        var lastUsed = DateTimeOffset.Parse((string)listed["lastUsedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(app.Now - lastUsed < TimeSpan.FromMinutes(5), $"lastUsedAt is {lastUsed:O}.");
    }

    [Fact]
    public async Task Revoked_key_is_refused_with_401_problem()
    {
        var (id, plain, _) = await CreateApexKeyAsync();
        using var key = app.ApiKeyClient(plain);
        using (var before = await key.SendAsync(ApiRoutes.Demo.Vendors.List))
            await before.ShouldBe(HttpStatusCode.OK);

        using var admin = await app.ClientFor(DemoData.Admin);
        using (var revoke = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Revoke(id)))
            await revoke.ShouldBe(HttpStatusCode.NoContent);

        using var after = await key.SendAsync(ApiRoutes.Demo.Vendors.List);
        await after.ShouldBeProblem(HttpStatusCode.Unauthorized);
        Assert.NotNull((await ListedAsync(id))["revokedAt"]);
    }

    [Fact]
    public async Task Forged_or_malformed_keys_are_refused_with_401_problem()
    {
        var (_, plain, _) = await CreateApexKeyAsync();
        foreach (var forged in new[] { plain[..^4] + "0000", "vpk_nothing", "not-a-key" })
        {
            using var key = app.ApiKeyClient(forged);
            using var response = await key.SendAsync(ApiRoutes.Demo.Vendors.List);
            await response.ShouldBeProblem(HttpStatusCode.Unauthorized);
        }
    }

    [Fact]
    public async Task Vendor_key_must_name_a_vendor_of_the_tenant()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        using var missing = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = "no vendor", role = TenantRoles.VendorManager });
        Assert.Contains("vendorId", (await missing.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
        using var foreign = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create,
            new { name = "other tenant's vendor", role = TenantRoles.VendorManager, vendorId = demo.ApexInSandbox });
        Assert.Contains("vendorId", (await foreign.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    private async Task<(Guid Id, string PlainText, JsonObject Created)> CreateApexKeyAsync()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create,
            new { name = $"apex sync {Guid.NewGuid():N}", role = TenantRoles.VendorManager, vendorId = demo.ApexInDemo });
        await response.ShouldBe(HttpStatusCode.Created);
        var created = await response.ReadObjectAsync();
        return (Guid.Parse((string)created["key"]!["id"]!), (string)created["plainTextKey"]!, created);
    }

    private async Task<JsonObject> ListedAsync(Guid id)
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        var page = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.ApiKeys.List.Query("pageSize=200"));
        return page!["items"]!.AsArray().Single(k => (string?)k!["id"] == id.ToString())!.AsObject();
    }
}
