using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>Ids of the seeded demo rows, read once through the API as their tenant admins see them.</summary>
public sealed record DemoData(Guid DemoTenantId, Guid SandboxTenantId, Guid ApexInDemo, Guid HarborInDemo, Guid ApexInSandbox)
{
    public const string Admin = "admin@demo.test";
    public const string Planner = "planner@demo.test";
    public const string Finance = "finance@demo.test";
    public const string Apex = "apex@demo.test";
    public const string Harbor = "harbor@demo.test";
    public const string SandboxAdmin = "sandbox.admin@demo.test";
    public const string Operator = "ops@demo.test";

    public static async Task<DemoData> LoadAsync(AppFactory app)
    {
        var demoVendors = await VendorIdsAsync(app, Admin, "demo");
        var sandboxVendors = await VendorIdsAsync(app, SandboxAdmin, "sandbox");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<VendorPortal.Web.Data.AppDbContext>();
        var tenants = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id);
        return new DemoData(tenants["demo"], tenants["sandbox"], demoVendors["Apex BPO"], demoVendors["Harbor Contact"], sandboxVendors["Apex BPO"]);
    }

    private static async Task<Dictionary<string, Guid>> VendorIdsAsync(AppFactory app, string admin, string tenant)
    {
        using var client = await app.ClientFor(admin);
        var page = await client.GetFromJsonAsync<JsonObject>(ApiRoutes.For(tenant).Vendors.List.Query("pageSize=200"), Json.Options);
        return page!["items"]!.AsArray().ToDictionary(v => (string)v!["name"]!, v => Guid.Parse((string)v!["id"]!));
    }
}
