using VendorPortal.Web.Features.Billing;
using static VendorPortal.Tests.Billing.BillingSetup;

namespace VendorPortal.Tests.Billing;

[Collection(AppCollection.Name)]
public sealed class ScorecardAndJobTests(AppFactory app)
{
    [Fact]
    public async Task Scorecard_puts_cost_per_contact_beside_quality()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await app.NewVendorAsync();
        await finance.CardAsync(vendor, null, "2024-05-01", null, [Tier(1_000, 2m), Tier(null, 1.5m)]);
        await finance.VolumesAsync(
            Volume(vendor, "PRESALES", "2024-05-02", 800, offered: 1_000, answered: 900, aht: 200, complaints: 4),
            Volume(vendor, "HOTLINE", "2024-05-03", 400, offered: 500, answered: 400, aht: 500, complaints: 2));
        var page = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Scorecards.Query($"from=2024-05-01&to=2024-05-31&vendorId={vendor}"), Json.Options);
        var card = page!["items"]!.AsArray().Single()!;
        // 1,000 × 2.00 + 200 × 1.50 = 2,300.00 over 1,200 contacts.
        Assert.Equal(1_200, (long)card["contacts"]!);
        Assert.Equal(2_300.00m, (decimal)card["cost"]!);
        Assert.Equal(1.9167m, (decimal)card["costPerContact"]!);
        Assert.Equal(0.8667m, (decimal)card["answerRate"]!);
        Assert.Equal(300.0m, (decimal)card["averageHandleSeconds"]!);
        Assert.Equal(0.005m, (decimal)card["complaintRate"]!);
        Assert.Null(card["confirmationRate"]);
        Assert.Null(card["noShowRate"]);
        Assert.Null(card["trainingPassRate"]);
    }

    [Fact]
    public async Task Scorecard_reports_the_training_pass_rate_and_vendors_see_only_their_own()
    {
        var demo = await app.Demo;
        using var apex = await app.ClientFor(DemoData.Apex);
        var today = app.Today();
        var page = await apex.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Scorecards.Query($"from={today.AddDays(-60):yyyy-MM-dd}&to={today:yyyy-MM-dd}"), Json.Options);
        var card = page!["items"]!.AsArray().Single()!;
        Assert.Equal(demo.ApexInDemo.ToString(), (string?)card["vendorId"]);
        var rate = (decimal)card["trainingPassRate"]!;
        Assert.InRange(rate, 0.5m, 0.99m);
        Assert.True((int)card["trainingResults"]! > 0);
    }

    [Fact]
    public async Task The_monthly_job_drafts_once_and_tells_finance_once()
    {
        var demo = await app.Demo;
        using var finance = await app.ClientFor(DemoData.Finance);
        var vendor = await app.NewVendorAsync("月度草稿");
        await finance.CardAsync(vendor, "PRESALES", "2024-06-01", "2024-06-30", [Tier(null, 1.25m)]);
        await finance.VolumesAsync(Volume(vendor, "PRESALES", "2024-06-10", 400));

        await app.RunJobAsync<DraftMonthlyStatements>(j => j.RunAsync(demo.DemoTenantId, 2024, 6, CancellationToken.None));
        await app.RunJobAsync<DraftMonthlyStatements>(j => j.RunAsync(demo.DemoTenantId, 2024, 6, CancellationToken.None));

        var page = await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query($"vendorId={vendor}"), Json.Options);
        var statement = page!["items"]!.AsArray().Single()!;
        Assert.Equal("draft", (string?)statement["status"]);
        Assert.Equal(500.00m, (decimal)statement["total"]!);
        var mail = await app.WaitForMailToAsync(DemoData.Finance, m => (m.Subject ?? "").Contains("2024-06"));
        await Task.Delay(500);
        Assert.Single(await app.MailToAsync(DemoData.Finance), m => (m.Subject ?? "").Contains("2024-06"));
        Assert.Contains("月度草稿", mail.Single().TextBody ?? "");
    }
}
