namespace VendorPortal.Tests.Billing;

[Collection(AppCollection.Name)]
public sealed class StatementPageTests(AppFactory app)
{
    [Fact]
    public async Task Finance_lists_statements_and_downloads_the_stored_pdf_from_the_portal()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var demo = await app.Demo;
        var issued = (await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query($"vendorId={demo.ApexInDemo}&status=issued&pageSize=1"), Json.Options))!["items"]![0]!;
        using var portal = await app.CookieClientFor(DemoData.Finance);
        var html = await portal.GetStringAsync(Pages.Demo.Statements);
        Assert.Contains((string)issued["number"]!, html);
        Assert.Contains("Apex BPO", html);
        using var pdf = await portal.GetAsync($"{Pages.Demo.Statements}?handler=Pdf&id={issued["id"]}");
        await pdf.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await finance.GetByteArrayAsync(ApiRoutes.Demo.Statements.Pdf(issued["id"])), await pdf.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_vendor_sees_only_its_own_statements_in_the_portal()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        var demo = await app.Demo;
        var apexStatement = (await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List.Query($"vendorId={demo.ApexInDemo}&pageSize=1"), Json.Options))!["items"]![0]!;
        using var harbor = await app.CookieClientFor(DemoData.Harbor);
        var html = await harbor.GetStringAsync(Pages.Demo.Statements);
        Assert.DoesNotContain("Apex BPO", html);
        using var pdf = await harbor.GetAsync($"{Pages.Demo.Statements}?handler=Pdf&id={apexStatement["id"]}");
        Assert.Equal(HttpStatusCode.NotFound, pdf.StatusCode);
        using var planner = await app.CookieClientFor(DemoData.Planner);
        using var refused = await planner.GetAsync(Pages.Demo.Statements);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }
}

[Collection(AppCollection.Name)]
public sealed class BillingPageTests(AppFactory app)
{
    [Fact]
    public async Task Rate_cards_and_scorecards_pages_show_a_vendor_only_its_own()
    {
        using var finance = await app.CookieClientFor(DemoData.Finance);
        var cards = await finance.GetStringAsync(Pages.Demo.RateCards);
        Assert.Contains("Apex BPO", cards);
        Assert.Contains("Harbor Contact", cards);
        var scorecards = await finance.GetStringAsync(Pages.Demo.Scorecards);
        Assert.Contains("Harbor Contact", scorecards);

        using var harbor = await app.CookieClientFor(DemoData.Harbor);
        Assert.DoesNotContain("Apex BPO", await harbor.GetStringAsync(Pages.Demo.RateCards));
        var own = await harbor.GetStringAsync($"{Pages.Demo.Scorecards}?from=2026-01-01&to=2026-01-31");
        Assert.Contains("Harbor Contact", own);
        Assert.DoesNotContain("Apex BPO", own);
    }
}
