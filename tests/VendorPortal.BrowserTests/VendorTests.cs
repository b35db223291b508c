using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class VendorTests(PortalApp app)
{
    [Fact]
    public async Task Admin_edits_and_deletes_a_vendor_after_confirming()
    {
        var name = $"Bluebird {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.SignInAsync("admin@demo.test");
        await CreateAsync(page, name);

        await page.FillAsync("#Input_ContactPhone", "+86 10 5555 0303");
        await page.SelectOptionAsync("#Input_Status", "Inactive");
        await page.ClickAsync("#save-vendor");
        await page.WaitForSelectorAsync("#flash");
        Assert.Equal("+86 10 5555 0303", await page.InputValueAsync("#Input_ContactPhone"));
        Assert.Equal("Inactive", await page.GetAttributeAsync("#vendor-title [data-status]", "data-status"));

        await page.ClickAsync("#delete-vendor-open");
        await page.ClickAsync("#confirm-delete");
        await page.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.Vendors}");
        Assert.Contains(name, await page.InnerTextAsync("#flash"));
        Assert.Equal(0, await page.Locator($"#vendor-table tr[data-vendor='{name}']").CountAsync());
    }

    [Fact]
    public async Task Deleting_a_vendor_that_an_api_key_still_names_explains_why_it_cannot()
    {
        var name = $"Keyholder {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.SignInAsync("admin@demo.test");
        await CreateAsync(page, name);
        var vendorUrl = page.Url;

        await page.GotoAsync(Pages.Demo.ApiKeys);
        await page.FillAsync("#Input_Name", $"{name} sync");
        await page.SelectOptionAsync("#Input_VendorId", new SelectOptionValue { Label = name });
        await page.ClickAsync("#create-key");
        await page.WaitForSelectorAsync("#created-key");

        await page.GotoAsync(vendorUrl);
        await page.ClickAsync("#delete-vendor-open");
        await page.ClickAsync("#confirm-delete");
        await page.WaitForSelectorAsync("#delete-error");
        Assert.Contains("API keys", await page.InnerTextAsync("#delete-error"));
        Assert.Equal(name, await page.InputValueAsync("#Input_Name"));
    }

    private async Task CreateAsync(IPage page, string name)
    {
        await page.GotoAsync(Pages.Demo.NewVendor);
        await page.FillAsync("#Input_Name", name);
        await page.ClickAsync("#save-vendor");
        await page.WaitForPageAsync(url => !url.EndsWith("/new", StringComparison.Ordinal));
    }
}
