using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorPortal.Web.Data;

namespace VendorPortal.Tests.Tenancy;

/// <summary>
/// Contexts are pooled: a context that served one request goes back to the pool and serves the next. It must not
/// carry the scope of the request that used it to whoever takes it next without being given a scope of its own.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class PooledContextTests(AppFactory app)
{
    [Fact]
    public async Task A_context_back_from_the_pool_sees_no_rows_of_the_tenant_it_last_served()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        for (var i = 0; i < 3; i++)
        {
            var page = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.List.Query("pageSize=200"));
            Assert.NotEmpty(page!["items"]!.AsArray());
        }

        var pool = app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = pool.CreateDbContext();
        Assert.Null(db.Scope);
        Assert.Equal(0, await db.Vendors.CountAsync());
        Assert.Equal(0, await db.Agents.CountAsync());
    }
}
