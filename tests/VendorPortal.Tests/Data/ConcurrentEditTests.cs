using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Vendors;

namespace VendorPortal.Tests.Data;

/// <summary>
/// Two people saving the same row: the later save is refused (409 over HTTP) instead of silently overwriting the
/// earlier one, on every provider, through the Version token every audited row carries.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ConcurrentEditTests(AppFactory app)
{
    [Fact]
    public async Task A_save_over_a_row_changed_since_it_was_read_is_refused()
    {
        var vendorId = await NewVendorAsync();
        await using var first = await InDemoAsync();
        await using var second = await InDemoAsync();
        var mine = await Db(first).Vendors.SingleAsync(v => v.Id == vendorId);
        var theirs = await Db(second).Vendors.SingleAsync(v => v.Id == vendorId);

        mine.ContactName = "Saved first";
        await Db(first).SaveChangesAsync();
        theirs.ContactName = "Saved second, over a stale read";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Db(second).SaveChangesAsync());

        using var admin = await app.ClientFor(DemoData.Admin);
        var vendor = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.Get(vendorId));
        Assert.Equal("Saved first", (string?)vendor!["contactName"]);
    }

    [Fact]
    public async Task Racing_edits_of_one_vendor_each_either_land_and_are_audited_or_get_409()
    {
        var vendorId = await NewVendorAsync();
        using var admin = await app.ClientFor(DemoData.Admin);
        var edits = Enumerable.Range(0, 12).Select(i => admin.SendAsync(
            ApiRoutes.Demo.Vendors.Update(vendorId), new { name = $"Edited {vendorId:N}", contactName = $"Edit {i}" }));
        var responses = await Task.WhenAll(edits);
        var landed = 0;
        foreach (var response in responses)
        {
            using (response)
            {
                if (response.StatusCode == HttpStatusCode.OK) landed++;
                else await response.ShouldBeProblem(HttpStatusCode.Conflict);
            }
        }
        Assert.True(landed >= 1, "No edit landed.");

        // Every accepted edit is in the audit trail, and nothing else changed the row: no update was lost unrecorded.
        var audit = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query($"entityType=Vendor&entityId={vendorId}&pageSize=100"));
        Assert.Equal(landed, audit!["items"]!.AsArray().Count(e => (string?)e!["action"] == "updated"));
    }

    private async Task<Guid> NewVendorAsync()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"Concurrent {Guid.NewGuid():N}" });
        await created.ShouldBe(HttpStatusCode.Created);
        return Guid.Parse((string)(await created.ReadObjectAsync())["id"]!);
    }

    private async Task<AsyncServiceScope> InDemoAsync()
    {
        var scope = app.Services.CreateAsyncScope();
        var tenant = await Db(scope).Tenants.SingleAsync(t => t.Slug == "demo");
        scope.ServiceProvider.GetRequiredService<AccessScopeAccessor>().Set(AccessScope.System(tenant.Id, tenant.Slug, "concurrent-edit-test"));
        return scope;
    }

    private static AppDbContext Db(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AppDbContext>();
}
