using System.Text;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class EventTests(PortalApp app)
{
    [Fact]
    public async Task Planner_creates_an_event_sees_bad_forecast_lines_then_the_chart_and_vendors_only_read_it()
    {
        var name = $"Flash sale {Guid.NewGuid().ToString("N")[..5]}";
        var day = app.Today("Asia/Shanghai").AddDays(50).ToString("yyyy-MM-dd");
        var page = await app.SignInAsync("planner@demo.test");
        await page.GotoAsync(Pages.Demo.Events);
        await page.ClickAsync("#new-event-toggle");
        await page.Locator("#Input_Name").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Visible });
        await page.FillAsync("#Input_Name", name);
        await page.FillAsync("#Input_StartDate", day);
        await page.FillAsync("#Input_EndDate", day);
        await page.ClickAsync("#save-event");
        await page.WaitForSelectorAsync("#forecast-form");
        var eventUrl = page.Url;
        Assert.Contains("no-forecast", await page.ContentAsync());

        const string header = "skill,date,start,contacts,ahtSeconds\n";
        await UploadAsync(page, header + $"PRESALES,{day},20:00,100,180\nPRESALES,{day},20:10,100,180\n");
        await page.WaitForSelectorAsync("#forecast-errors");
        var errors = await page.InnerTextAsync("#forecast-errors");
        Assert.Contains("line 3", errors);
        Assert.Contains("not on the 30-minute interval grid", errors);
        Assert.Equal(0, await page.Locator("#staffing-chart").CountAsync());

        await UploadAsync(page, header + $"PRESALES,{day},20:00,100,180\nPRESALES,{day},20:30,60,180\nHOTLINE,{day},20:00,40,300\n");
        await page.WaitForSelectorAsync("#staffing-chart");
        Assert.Equal(2, await page.Locator("#staffing-chart svg[data-skill]").CountAsync());
        Assert.Equal(2, await page.Locator("#day-table tbody tr").CountAsync());

        var vendor = await app.SignInAsync("apex@demo.test");
        await vendor.GotoAsync(eventUrl);
        await vendor.WaitForSelectorAsync("#staffing-chart");
        Assert.Equal(0, await vendor.Locator("#forecast-upload").CountAsync());
        Assert.Equal(0, await vendor.Locator("#edit-event-toggle").CountAsync());
    }

    private static async Task UploadAsync(IPage page, string csv)
    {
        await page.SetInputFilesAsync("#forecast-form input[type=file]", new FilePayload { Name = "forecast.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.ClickAsync("#upload-forecast");
    }
}
