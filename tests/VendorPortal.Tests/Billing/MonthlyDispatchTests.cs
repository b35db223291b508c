using VendorPortal.Web.Features.Billing;

namespace VendorPortal.Tests.Billing;

[Collection(AppCollection.Name)]
public sealed class MonthlyDispatchTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task On_the_first_of_the_month_in_a_tenants_own_zone_last_months_statements_are_drafted()
    {
        var app = clocked.App;
        // 16:30 UTC on 30 November: already 1 December in Shanghai (demo), still 30 November in London (sandbox).
        clocked.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 16, 30, 0, TimeSpan.Zero));
        await app.RunJobAsync<DispatchMonthlyStatements>(j => j.RunAsync(CancellationToken.None));

        var mail = await app.WaitForMailToAsync(DemoData.Finance, m => (m.Subject ?? "").Contains("2026-11"));
        Assert.Contains("Apex BPO", mail.Single().TextBody ?? "");
        using var finance = await app.ClientFor(DemoData.Finance);
        var drafts = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query("status=draft&from=2026-11-01&to=2026-11-30"), Json.Options);
        Assert.Equal(["Apex BPO", "Harbor Contact"], drafts!["items"]!.AsArray().Select(s => (string?)s!["vendorName"]).Order());
        // Apex's hotline card has a monthly minimum and November has no hotline volumes: the whole minimum is a line.
        var apex = drafts["items"]!.AsArray().Single(s => (string?)s!["vendorName"] == "Apex BPO")!;
        var detail = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.Get(apex["id"]), Json.Options);
        Assert.Contains(detail!["lines"]!.AsArray(), l => (string?)l!["kind"] == "minimum" && (decimal)l["amount"]! == 25_000m);

        using var sandbox = await app.ClientFor(DemoData.SandboxAdmin);
        var none = await sandbox.GetFromJsonAsync<JsonObject>(ApiRoutes.Sandbox.Statements.List.Query("from=2026-11-01"), Json.Options);
        Assert.Empty(none!["items"]!.AsArray());
    }
}
