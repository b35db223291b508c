using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

/// <summary>Takes the main screens in both languages, for a person to look at (see ScreenshotFolder).</summary>
[Collection(PortalCollection.Name)]
public sealed class ScreenshotTests(PortalApp app)
{
    [Fact]
    public async Task Main_screens_render_in_English_and_Chinese()
    {
        var login = await app.NewPageAsync();
        await login.GotoAsync(Pages.Login);
        await app.ScreenshotAsync(login, "en-login");

        var apex = await app.VendorIdAsync("demo", "Apex BPO");
        var page = await app.SignInAsync("admin@demo.test");
        foreach (var (language, button) in new[] { ("en", "#lang-en"), ("zh", "#lang-zh") })
        {
            await page.GotoAsync(Pages.Demo.Home);
            await page.ClickAsync(button);
            await page.LoadedAsync();
            Assert.Equal(language == "zh" ? "zh-CN" : "en", await page.GetAttributeAsync("html", "lang"));

            await Shot(page, Pages.Demo.Home, $"{language}-dashboard");
            await Shot(page, Pages.Demo.Vendors, $"{language}-vendors");
            await Shot(page, Pages.Demo.Vendor(apex), $"{language}-vendor-edit");
            await Shot(page, Pages.Demo.Skills, $"{language}-skills");
            await Shot(page, Pages.Demo.Users, $"{language}-users");
            await Shot(page, Pages.Demo.Settings, $"{language}-settings");
            await Shot(page, Pages.Demo.Audit, $"{language}-audit");
            await Shot(page, Pages.Demo.Events, $"{language}-events");
            await page.ClickAsync("#event-table a:text-is('Double 12')");
            await page.WaitForSelectorAsync("#staffing-chart");
            await app.ScreenshotAsync(page, $"{language}-event-staffing");
            await page.ClickAsync("#suggest-plan");
            await page.WaitForSelectorAsync("#plan-figures");
            await app.ScreenshotAsync(page, $"{language}-event-plan");

            await page.GotoAsync(Pages.Demo.ApiKeys);
            await page.FillAsync("#Input_Name", $"Screenshot key {language}");
            await page.SelectOptionAsync("#Input_VendorId", apex.ToString());
            await page.ClickAsync("#create-key");
            await page.WaitForSelectorAsync("#created-key");
            Assert.StartsWith("vpk_", await page.InnerTextAsync("#created-key"));
            await app.ScreenshotAsync(page, $"{language}-api-keys");

            await Shot(page, Pages.Demo.Vendor("00000000-0000-0000-0000-000000000000"), $"{language}-not-found");
        }
        await page.ClickAsync("#lang-en");

        var vendor = await app.SignInAsync("apex@demo.test");
        await Shot(vendor, Pages.Demo.Home, "en-vendor-dashboard");

        var phone = await app.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 390, Height = 844 },
        });
        var mobile = await phone.NewPageAsync();
        await mobile.GotoAsync(Pages.Login);
        await mobile.FillAsync("#Input_Email", "planner@demo.test");
        await mobile.FillAsync("#Input_Password", PortalApp.Password);
        await mobile.ClickAsync("#sign-in");
        await mobile.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.Home}");
        await app.ScreenshotAsync(mobile, "en-mobile-dashboard");

        Assert.True(Directory.GetFiles(app.ScreenshotFolder, "*.png").Length >= 20);
    }

    [Fact]
    public async Task Reserve_pool_and_training_screens_render_in_English_and_Chinese()
    {
        var planner = await app.SignInAsync("planner@demo.test");
        var apex = await app.SignInAsync("apex@demo.test");
        await planner.GotoAsync(Pages.Demo.Training);
        var upcoming = await planner.GetAttributeAsync("#session-table tr[data-session='Double 12 promotion rules and coupons'] a", "href");
        try
        {
            await ShootBothLanguages(planner, apex, upcoming!);
        }
        finally
        {
            // The language is kept on the account: leave both people in English even when a step above failed, so
            // one failure here does not turn every later test that reads English into a failure too.
            foreach (var page in new[] { planner, apex })
            {
                await page.GotoAsync(Pages.Demo.Home);
                await page.ClickAsync("#lang-en");
                await page.WaitForFunctionAsync("document.documentElement.lang === 'en'");
            }
        }
    }

    [Fact]
    public async Task A_vendor_on_a_phone_in_English_and_Chinese()
    {
        var apex = await app.SignInAsync("apex@demo.test", new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 2, Locale = "en-US",
        });
        var shift = await PhoneLayoutTests.ShiftToDecideAsync(app, "Lin Wei", "Olivia Chen", "周杰");
        try
        {
            foreach (var (language, button) in new[] { ("en", "#lang-en"), ("zh", "#lang-zh") })
            {
                await apex.GotoAsync(Pages.Demo.Home);
                await apex.ClickAsync(button);
                await apex.LoadedAsync();
                await Shot(apex, Pages.Demo.Home, $"{language}-phone-dashboard");
                await Shot(apex, Pages.Demo.Shifts, $"{language}-phone-shifts");
                await Shot(apex, Pages.Demo.Shift(shift), $"{language}-phone-shift");
                await apex.ClickAsync("#nav-toggle");
                await apex.WaitForSelectorAsync("#main-nav", new() { State = WaitForSelectorState.Visible });
                await apex.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(app.ScreenshotFolder, $"{language}-phone-menu.png") });
            }
        }
        finally
        {
            await apex.GotoAsync(Pages.Demo.Home);
            await apex.ClickAsync("#lang-en");
            await apex.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        }
    }

    private async Task ShootBothLanguages(IPage planner, IPage apex, string upcoming)
    {
        foreach (var (language, button) in new[] { ("en", "#lang-en"), ("zh", "#lang-zh") })
        {
            foreach (var page in new[] { planner, apex })
            {
                await page.GotoAsync(Pages.Demo.Home);
                await page.ClickAsync(button);
                await page.LoadedAsync();
            }
            await Shot(planner, Pages.Demo.Agents, $"{language}-agents");
            await Shot(planner, Pages.Demo.Pool, $"{language}-pool");
            await Shot(planner, Pages.Demo.Training, $"{language}-training-calendar");
            await Shot(planner, upcoming, $"{language}-training-roster");
            await Shot(apex, upcoming, $"{language}-training-enrol");
            await Shot(apex, Pages.Demo.Agent(await app.AgentIdAsync("demo", "SHA001")), $"{language}-agent");

            await apex.GotoAsync(Pages.Demo.ImportAgents);
            await AgentTests.UploadAsync(apex,
                "externalRef,displayName,skills,languages,status,maxWeeklyHours\n" +
                "SCR-1,周杰,PRESALES,zh,active,20\n" +
                "SCR-2,Olivia Chen,NOSUCHSKILL,en,active,99\n" +
                "SCR-2,刘洋,HOTLINE,zh;en,away,\n" +
                ",,PRESALES,z!,active,\n");
            Assert.Equal(3, await apex.Locator("#import-errors [data-line]").CountAsync());
            await app.ScreenshotAsync(apex, $"{language}-import-preview");
        }
    }

    private async Task Shot(IPage page, string url, string name)
    {
        await page.GotoAsync(url);
        await app.ScreenshotAsync(page, name);
    }
}
