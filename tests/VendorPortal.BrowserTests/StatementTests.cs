namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class StatementTests(PortalApp app)
{
    [Fact]
    public async Task Finance_drafts_issues_and_voids_a_statement_in_the_portal()
    {
        var page = await app.SignInAsync("finance@demo.test");
        await page.GotoAsync(Pages.Demo.Statements);
        await page.SelectOptionAsync("#Input_VendorId", new Microsoft.Playwright.SelectOptionValue { Label = "Harbor Contact" });
        await page.FillAsync("#Input_Month", "2025-03");
        await page.FillAsync("#Input_TaxPercent", "6");
        await page.ClickAsync("#draft-statement");
        await page.WaitForSelectorAsync("#flash");
        var row = page.Locator("#statement-table tr", new() { HasTextString = "2025-03-01" });
        Assert.Contains("Draft", await row.InnerTextAsync());

        await row.Locator("button:has-text('Issue')").ClickAsync();
        await page.WaitForSelectorAsync("#flash >> text=issued");
        var issued = await row.InnerTextAsync();
        Assert.Contains("Issued", issued);
        Assert.Matches(@"\d{4}-\d{4}", issued);

        await row.Locator("input[name=reason]").FillAsync("Wrong month");
        await row.Locator("button:has-text('Void')").ClickAsync();
        await page.WaitForSelectorAsync("#flash >> text=voided");
        Assert.Contains("Void", await row.InnerTextAsync());
    }
}
