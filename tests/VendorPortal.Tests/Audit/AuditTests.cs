namespace VendorPortal.Tests.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditTests(AppFactory app)
{
    [Fact]
    public async Task Creating_and_updating_a_vendor_leaves_an_audit_trail_with_actor_and_changed_values()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        var name = $"Audited {Guid.NewGuid():N}";
        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name, contactName = "Before Person" });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (string)(await created.ReadObjectAsync())["id"]!;
        using (var updated = await admin.SendAsync(ApiRoutes.Demo.Vendors.Update(id), new { name, contactName = "After Person", status = "inactive" }))
            await updated.ShouldBe(HttpStatusCode.OK);

        using var response = await admin.SendAsync(ApiRoutes.Demo.Audit.List.Query($"entityType=Vendor&entityId={id}"));
        await response.ShouldBe(HttpStatusCode.OK);
        var page = await response.ReadObjectAsync();
        Assert.Equal(2, (int)page["total"]!);
        var entries = page["items"]!.AsArray().Select(e => e!.AsObject()).ToList();
        Assert.Equal(["updated", "created"], entries.Select(e => (string?)e["action"]));
        Assert.All(entries, e =>
        {
            Assert.Equal(DemoData.Admin, (string?)e["actor"]);
            Assert.Equal("Vendor", (string?)e["entityType"]);
            Assert.Equal(id, (string?)e["entityId"]);
        });

        var creation = entries[1]["changes"]!.AsObject();
        Assert.Equal(name, (string?)Field(creation, "name"));
        Assert.Equal("Before Person", (string?)Field(creation, "contactName"));

        var update = entries[0]["changes"]!.AsObject();
        var contact = Field(update, "contactName")!.AsObject();
        Assert.Equal("Before Person", (string?)contact["from"]);
        Assert.Equal("After Person", (string?)contact["to"]);
        Assert.NotNull(Field(update, "status"));
        Assert.Null(Field(update, "name"));
    }

    [Fact]
    public async Task Audit_entries_of_api_keys_never_hold_the_secret()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = $"audited key {Guid.NewGuid():N}", role = "VendorManager", vendorId = demo.ApexInDemo });
        var key = await created.ReadObjectAsync();
        var id = (string)key["key"]!["id"]!;
        var plain = (string)key["plainTextKey"]!;

        using var response = await admin.SendAsync(ApiRoutes.Demo.Audit.List.Query($"entityType=ApiKey&entityId={id}"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Contains("\"created\"", text);
        Assert.DoesNotContain(plain.Split('_')[2], text);
        Assert.DoesNotContain("secretHash", text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(DemoData.Apex)]
    [InlineData(DemoData.Planner)]
    [InlineData(DemoData.Finance)]
    public async Task Members_without_the_admin_role_get_403_not_404_on_the_audit_trail(string member)
    {
        using var client = await app.ClientFor(member);
        using var response = await client.SendAsync(ApiRoutes.Demo.Audit.List);
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Audit_trail_of_one_tenant_shows_nothing_of_another()
    {
        var demo = await app.Demo;
        using var sandboxAdmin = await app.ClientFor(DemoData.SandboxAdmin);
        var page = await sandboxAdmin.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Audit.List.Query($"entityType=Vendor&entityId={demo.ApexInDemo}"));
        Assert.Equal(0, (int)page!["total"]!);
    }

    /// <summary>A changed value by property name, whatever casing the trail stores names in.</summary>
    private static JsonNode? Field(JsonObject changes, string name) =>
        changes.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}
