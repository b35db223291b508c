namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class ApiKeyTests(PortalApp app)
{
    [Fact]
    public async Task Admin_sees_a_new_key_once_and_can_revoke_it()
    {
        var page = await app.SignInAsync("sandbox.admin@demo.test");
        await page.GotoAsync(Pages.Sandbox.ApiKeys);
        await page.FillAsync("#Input_Name", "Apex WFM sync");
        await page.SelectOptionAsync("#Input_VendorId", (await app.VendorIdAsync("sandbox", "Apex BPO")).ToString());
        await page.ClickAsync("#create-key");

        var key = await page.InnerTextAsync("#created-key");
        Assert.Matches("^vpk_[0-9a-f]{12}_[0-9a-f]+$", key);
        var row = page.Locator("#key-table tr[data-key='Apex WFM sync']");
        Assert.Contains(key[..16], await row.InnerTextAsync());

        await page.GotoAsync(Pages.Sandbox.ApiKeys);
        Assert.Null(await page.QuerySelectorAsync("#created-key"));
        Assert.DoesNotContain(key, await page.ContentAsync());

        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await row.Locator("button:has-text('Revoke')").ClickAsync();
        await page.WaitForSelectorAsync("#flash");
        Assert.Contains("Revoked", await row.InnerTextAsync());
        Assert.Equal(0, await row.Locator("button").CountAsync());
    }
}
