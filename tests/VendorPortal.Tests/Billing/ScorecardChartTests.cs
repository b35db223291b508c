namespace VendorPortal.Tests.Billing;

[Collection(AppCollection.Name)]
public sealed class ScorecardChartTests(AppFactory app)
{
    [Fact]
    public async Task Finance_sees_cost_per_contact_by_month_as_a_chart_with_a_line_per_vendor()
    {
        using var finance = await app.CookieClientFor(DemoData.Finance);
        using var response = await finance.GetAsync(Pages.Demo.Scorecards);
        await response.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("id=\"cost-per-contact-chart\"", html);
        var chart = html[html.IndexOf("id=\"cost-per-contact-chart\"", StringComparison.Ordinal)..];
        chart = chart[..chart.IndexOf("</svg>", StringComparison.Ordinal)];
        // The demo has two months of volumes for both vendors (other tests may add vendors): a line and two points each.
        Assert.True(chart.Split("<polyline", StringSplitOptions.None).Length - 1 >= 2, "Expected a line per demo vendor.");
        Assert.True(chart.Split("<circle", StringSplitOptions.None).Length - 1 >= 4, "Expected a point per vendor and month.");
        Assert.Contains("Apex BPO", chart);
        Assert.Contains("Harbor Contact", chart);
    }
}
