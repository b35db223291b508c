using Microsoft.Extensions.DependencyInjection;

namespace VendorPortal.Tests.Audit;

[Collection(AppCollection.Name)]
public sealed class AuditExportTests(AppFactory app)
{
    private static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>Today in tenant demo's zone, by the app's clock.</summary>
    private DateOnly Today => DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(Shanghai).DateTime);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_export_holds_the_range_of_local_days_asked_for()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        var name = $"=Audited export {Guid.NewGuid():N}"[..30];
        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name });
        await created.ShouldBe(HttpStatusCode.Created);
        var id = (string)(await created.ReadObjectAsync())["id"]!;

        var today = await CsvFile.ReadAsync(await admin.SendAsync(ApiRoutes.Demo.Audit.Export.Query($"from={Iso(Today)}&to={Iso(Today)}&entityType=Vendor")));
        Assert.True(today.StartsWithBom);
        var row = Assert.Single(today.Rows, r => r["entityId"] == id);
        Assert.Equal(DemoData.Admin, row["actor"]);
        Assert.Equal("created", row["action"]);
        Assert.Equal("Vendor", row["entityType"]);
        Assert.StartsWith(Iso(Today), row["atLocal"]);
        Assert.Contains(name, row["changes"]);
        Assert.All(today.Rows, r => Assert.Equal("Vendor", r["entityType"]));

        // The change happened today: a range that ends yesterday or starts tomorrow leaves it out.
        var before = await CsvFile.ReadAsync(await admin.SendAsync(ApiRoutes.Demo.Audit.Export.Query($"to={Iso(Today.AddDays(-1))}")));
        Assert.DoesNotContain(before.Rows, r => r["entityId"] == id);
        Assert.All(before.Rows, r => Assert.True(string.CompareOrdinal(r["atLocal"], Iso(Today)) < 0, r["atLocal"]));
        var after = await CsvFile.ReadAsync(await admin.SendAsync(ApiRoutes.Demo.Audit.Export.Query($"from={Iso(Today.AddDays(1))}")));
        Assert.Empty(after.Rows);
        var open = await CsvFile.ReadAsync(await admin.SendAsync(ApiRoutes.Demo.Audit.Export));
        Assert.Contains(open.Rows, r => r["entityId"] == id);
    }

    [Fact]
    public async Task A_range_that_ends_before_it_starts_is_refused()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Audit.Export.Query($"from={Iso(Today)}&to={Iso(Today.AddDays(-1))}"));
        Assert.Contains("to", (await response.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
        using var nonsense = await admin.SendAsync(ApiRoutes.Demo.Audit.Export.Query("from=2026-02-30"));
        await nonsense.ShouldBeProblem(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData(DemoData.Apex)]
    [InlineData(DemoData.Planner)]
    public async Task Only_tenant_admins_export_the_trail(string member)
    {
        using var client = await app.ClientFor(member);
        using var response = await client.SendAsync(ApiRoutes.Demo.Audit.Export);
        await response.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_audit_page_offers_the_export_with_its_filters()
    {
        using var page = await app.CookieClientFor(DemoData.Admin);
        var html = await page.GetStringAsync($"{Pages.Demo.Audit}?type=Vendor&from={Iso(Today)}&to={Iso(Today)}");
        var link = System.Text.RegularExpressions.Regex.Match(html, "href=\"([^\"]+)\"[^>]*id=\"export-audit\"").Groups[1].Value;
        Assert.Equal($"{Pages.Demo.Audit}?handler=csv&amp;type=Vendor&amp;from={Iso(Today)}&amp;to={Iso(Today)}", link);
        var file = await CsvFile.ReadAsync(await page.GetAsync(System.Net.WebUtility.HtmlDecode(link)));
        Assert.All(file.Rows, r => Assert.Equal("Vendor", r["entityType"]));
    }
}
