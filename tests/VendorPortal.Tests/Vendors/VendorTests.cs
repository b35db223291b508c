namespace VendorPortal.Tests.Vendors;

[Collection(AppCollection.Name)]
public sealed class VendorTests(AppFactory app)
{
    [Fact]
    public async Task Vendor_user_lists_only_their_own_vendor()
    {
        var demo = await app.Demo;
        using var harbor = await app.ClientFor(DemoData.Harbor);
        var page = await harbor.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.List.Query("pageSize=200"));
        Assert.Equal([demo.HarborInDemo.ToString()], page!["items"]!.AsArray().Select(v => (string?)v!["id"]));
        Assert.Equal(1, (int)page["total"]!);
    }

    [Fact]
    public async Task Vendor_user_cannot_see_another_vendor()
    {
        var demo = await app.Demo;
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var other = await harbor.SendAsync(ApiRoutes.Demo.Vendors.Get(demo.ApexInDemo));
        await other.ShouldBeProblem(HttpStatusCode.NotFound);
        using var own = await harbor.SendAsync(ApiRoutes.Demo.Vendors.Get(demo.HarborInDemo));
        await own.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Vendor_user_cannot_create_vendors()
    {
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var response = await harbor.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"Sneaky {Guid.NewGuid():N}" });
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Duplicate_vendor_name_is_a_409_problem_on_the_name_field()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = "  Apex BPO " });
        Assert.Contains("name", (await response.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Fact]
    public async Task Racing_creations_of_one_vendor_name_make_one_vendor_and_409s()
    {
        var name = $"Racing {Guid.NewGuid():N}";
        using var admin = await app.ClientFor(DemoData.Admin);
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name })));
        try
        {
            Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
            foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
                await refused.ShouldBeProblem(HttpStatusCode.Conflict);
        }
        finally
        {
            foreach (var response in responses) response.Dispose();
        }
    }

    [Fact]
    public async Task Same_vendor_name_is_free_in_another_tenant()
    {
        var name = $"Shared name {Guid.NewGuid():N}";
        using var admin = await app.ClientFor(DemoData.Admin);
        using var sandboxAdmin = await app.ClientFor(DemoData.SandboxAdmin);
        using (var demo = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name }))
            await demo.ShouldBe(HttpStatusCode.Created);
        using var sandbox = await sandboxAdmin.SendAsync(ApiRoutes.Sandbox.Vendors.Create, new { name });
        await sandbox.ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Vendor_is_created_read_updated_and_deleted()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        var name = $"Lifecycle {Guid.NewGuid():N}";
        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create,
            new { name, contactEmail = "ops@lifecycle.test", notes = "  trimmed  " });
        await created.ShouldBe(HttpStatusCode.Created);
        var vendor = await created.ReadObjectAsync();
        var id = (string)vendor["id"]!;
        Assert.EndsWith(ApiRoutes.Demo.Vendors.Get(id).Path, created.Headers.Location?.ToString());
        Assert.Equal("trimmed", (string?)vendor["notes"]);
        Assert.Equal("active", (string?)vendor["status"]);

        using (var updated = await admin.SendAsync(ApiRoutes.Demo.Vendors.Update(id), new { name = name + " renamed", status = "inactive" }))
        {
            await updated.ShouldBe(HttpStatusCode.OK);
            Assert.Equal("inactive", (string?)(await updated.ReadObjectAsync())["status"]);
        }
        var read = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.Get(id));
        Assert.Equal(name + " renamed", (string?)read!["name"]);

        using (var deleted = await admin.SendAsync(ApiRoutes.Demo.Vendors.Delete(id)))
            await deleted.ShouldBe(HttpStatusCode.NoContent);
        using var gone = await admin.SendAsync(ApiRoutes.Demo.Vendors.Get(id));
        await gone.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Vendor_with_users_cannot_be_deleted()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Vendors.Delete(demo.HarborInDemo));
        await response.ShouldBeProblem(HttpStatusCode.Conflict);
        using var still = await admin.SendAsync(ApiRoutes.Demo.Vendors.Get(demo.HarborInDemo));
        await still.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Vendor_with_api_keys_or_invitations_cannot_be_deleted()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        foreach (var holder in new[] { "api-keys", "invitations" })
        {
            using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"Referenced by {holder} {Guid.NewGuid():N}" });
            var id = (string)(await created.ReadObjectAsync())["id"]!;
            using var reference = holder == "api-keys"
                ? await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = "vendor sync", role = "VendorManager", vendorId = id })
                : await admin.SendAsync(ApiRoutes.Demo.Invitations.Create, new { email = People.NewEmail("vendorstaff"), role = "VendorManager", vendorId = id, language = "en" });
            await reference.ShouldBe(HttpStatusCode.Created);

            using var deleted = await admin.SendAsync(ApiRoutes.Demo.Vendors.Delete(id));
            Assert.Contains("vendorId", (await deleted.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorFields());
            using var still = await admin.SendAsync(ApiRoutes.Demo.Vendors.Get(id));
            await still.ShouldBe(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task Updating_or_deleting_an_unknown_vendor_is_a_404_problem()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var update = await admin.SendAsync(ApiRoutes.Demo.Vendors.Update(Guid.NewGuid()), new { name = "Nobody" });
        await update.ShouldBeProblem(HttpStatusCode.NotFound);
        using var delete = await admin.SendAsync(ApiRoutes.Demo.Vendors.Delete(Guid.NewGuid()));
        await delete.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Admin_cannot_reach_another_tenants_vendor_through_its_own_tenant()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        using var read = await admin.SendAsync(ApiRoutes.Demo.Vendors.Get(demo.ApexInSandbox));
        await read.ShouldBeProblem(HttpStatusCode.NotFound);
        using var update = await admin.SendAsync(ApiRoutes.Demo.Vendors.Update(demo.ApexInSandbox), new { name = "Hijacked" });
        await update.ShouldBeProblem(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Vendor_list_is_paged_with_a_hard_maximum()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var tooBig = await admin.SendAsync(ApiRoutes.Demo.Vendors.List.Query("pageSize=201"));
        Assert.Contains("pageSize", (await tooBig.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
        using var zeroPage = await admin.SendAsync(ApiRoutes.Demo.Vendors.List.Query("page=0"));
        Assert.Contains("page", (await zeroPage.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());

        var all = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.List.Query("pageSize=200"));
        var total = (int)all!["total"]!;
        Assert.True(total >= 2);
        var second = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.List.Query("page=2&pageSize=1"));
        Assert.Equal(2, (int)second!["page"]!);
        Assert.Equal(1, (int)second["pageSize"]!);
        Assert.True((int)second["total"]! >= total);
        Assert.Equal((string?)all["items"]![1]!["id"], (string?)Assert.Single(second["items"]!.AsArray())!["id"]);
    }

    [Fact]
    public async Task Vendor_list_can_be_searched_by_name_in_any_case()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        // PostgreSQL's LIKE minds case and SQLite's does not: the search reads the same on both.
        foreach (var term in new[] { "Harbor", "harbor", "HARBOR CON" })
        {
            var page = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.List.Query($"search={Uri.EscapeDataString(term)}"));
            Assert.Equal(["Harbor Contact"], page!["items"]!.AsArray().Select(v => (string?)v!["name"]));
        }
    }
}
