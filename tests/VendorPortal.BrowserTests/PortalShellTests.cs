using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class PortalShellTests(PortalApp app)
{
    [Fact]
    public async Task Vendor_manager_switches_tenant_from_demo_to_sandbox()
    {
        var page = await app.SignInAsync("apex@demo.test");
        await page.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.Home}");
        Assert.Equal("Demo Retail Customer Service", await page.InnerTextAsync("#tenant-title"));

        await page.ClickAsync("#tenant-switcher");
        await page.ClickAsync("a[data-tenant='sandbox']");

        await page.WaitForPageAsync($"{app.BaseUrl}{Pages.Sandbox.Home}");
        Assert.Equal("Sandbox Outlet", await page.InnerTextAsync("#tenant-title"));
        Assert.Equal("Sandbox Outlet", (await page.InnerTextAsync("#tenant-switcher")).Trim());
        var sandboxApex = await app.VendorIdAsync("sandbox", "Apex BPO");
        Assert.Equal(Pages.Sandbox.Vendor(sandboxApex), await page.GetAttributeAsync("#main-nav a:has-text('My vendor')", "href"));
        Assert.Equal(["Apex BPO"], await page.Locator("#vendor-cards [data-vendor]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.vendor)"));
    }

    [Fact]
    public async Task Admin_creates_a_vendor_in_the_portal_and_sees_it_listed()
    {
        var name = $"Northwind Support {Guid.NewGuid().ToString("N")[..6]}";
        var page = await app.SignInAsync("admin@demo.test");

        await page.GotoAsync(Pages.Demo.Vendors);
        await page.ClickAsync("#new-vendor");
        await page.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.NewVendor}");
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_ContactName", "Wang Fang");
        await page.FillAsync("#Input_ContactEmail", "wang.fang@northwind.test");
        await page.ClickAsync("#save-vendor");

        await page.WaitForPageAsync(VendorDetailsUrl());
        Assert.Contains(name, await page.InnerTextAsync("#flash"));
        await page.GotoAsync(Pages.Demo.Vendors);
        Assert.Equal(1, await page.Locator($"#vendor-table tr[data-vendor='{name}']").CountAsync());

        await page.FillAsync("input[name='search']", "northwind");
        await page.ClickAsync("#vendor-search button[type='submit']");
        await page.WaitForPageAsync(url => url.Contains("search=northwind", StringComparison.Ordinal));
        Assert.Equal(1, await page.Locator($"#vendor-table tr[data-vendor='{name}']").CountAsync());
        Assert.Equal(0, await page.Locator("#vendor-table tr[data-vendor='Apex BPO']").CountAsync());
    }

    [Fact]
    public async Task Admin_sees_why_a_duplicate_vendor_name_is_refused()
    {
        var page = await app.SignInAsync("admin@demo.test");
        await page.GotoAsync(Pages.Demo.NewVendor);
        await page.FillAsync("#Input_Name", "Harbor Contact");
        await page.ClickAsync("#save-vendor");

        await page.WaitForSelectorAsync("[data-valmsg-for='Input.Name'].field-validation-error");
        Assert.Contains("already exists", await page.InnerTextAsync("[data-valmsg-for='Input.Name']"));
        Assert.EndsWith(Pages.Demo.NewVendor, page.Url);
    }

    [Fact]
    public async Task Chinese_language_choice_sticks_after_reload_and_the_next_sign_in()
    {
        var page = await app.SignInAsync("planner@demo.test");
        await page.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.Home}");
        Assert.Contains("Vendors", await page.InnerTextAsync("#main-nav"));

        await page.ClickAsync("#lang-zh");
        await page.WaitForSelectorAsync("#main-nav >> text=供应商");
        Assert.EndsWith(Pages.Demo.Home, page.Url);
        Assert.Equal("zh-CN", await page.GetAttributeAsync("html", "lang"));

        await page.ReloadAsync();
        var nav = await page.InnerTextAsync("#main-nav");
        Assert.Contains("概览", nav);
        Assert.Contains("技能", nav);

        var again = await app.SignInAsync("planner@demo.test");
        Assert.Contains("供应商", await again.InnerTextAsync("#main-nav"));

        await again.ClickAsync("#lang-en");
        await again.WaitForSelectorAsync("#main-nav >> text=Vendors");
    }

    [Fact]
    public async Task Vendor_manager_opening_another_vendors_page_gets_the_not_found_page()
    {
        var harbor = await app.VendorIdAsync("demo", "Harbor Contact");
        var apex = await app.VendorIdAsync("demo", "Apex BPO");
        var page = await app.SignInAsync("apex@demo.test");

        var own = await page.GotoAsync(Pages.Demo.Vendor(apex));
        Assert.Equal(200, own!.Status);
        Assert.Contains("Apex BPO", await page.InnerTextAsync("#vendor-title"));

        var foreign = await page.GotoAsync(Pages.Demo.Vendor(harbor));
        Assert.Equal(404, foreign!.Status);
        Assert.Equal("404", await page.InnerTextAsync("#problem-code"));
        Assert.DoesNotContain("Harbor", await page.ContentAsync());
    }

    [Fact]
    public async Task Planner_cannot_open_admin_pages_and_non_members_get_not_found()
    {
        var page = await app.SignInAsync("planner@demo.test");

        await page.GotoAsync(Pages.Demo.Users);
        Assert.Contains(Pages.Denied, page.Url);
        Assert.Equal("403", await page.InnerTextAsync("#problem-code"));

        var foreignTenant = await page.GotoAsync(Pages.Sandbox.Home);
        Assert.Equal(404, foreignTenant!.Status);
        Assert.Equal("404", await page.InnerTextAsync("#problem-code"));
    }

    [Fact]
    public async Task Signing_out_returns_to_the_sign_in_page()
    {
        var page = await app.SignInAsync("finance@demo.test");
        await page.ClickAsync("#user-menu");
        await page.ClickAsync("#sign-out");
        await page.WaitForPageAsync(url => url.Contains(Pages.Login, StringComparison.Ordinal));

        await page.GotoAsync(Pages.Demo.Home);
        Assert.Contains(Pages.Login, page.Url);
    }

    [Fact]
    public async Task Platform_operator_without_memberships_gets_links_to_jobs_and_the_api_reference()
    {
        var page = await app.SignInAsync("ops@demo.test");

        Assert.Equal($"{app.BaseUrl}/", page.Url);
        Assert.Equal("/hangfire", await page.GetAttributeAsync("#operator-links a[href='/hangfire']", "href"));
        Assert.Equal("/docs", await page.GetAttributeAsync("#operator-links a[href='/docs']", "href"));
        Assert.Equal(0, await page.Locator("#tenant-switcher").CountAsync());
    }

    private Regex VendorDetailsUrl() => new($"^{Regex.Escape(app.BaseUrl + Pages.Demo.Vendors)}/[0-9a-f-]{{36}}$");
}
