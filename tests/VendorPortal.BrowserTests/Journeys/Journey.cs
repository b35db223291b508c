using Microsoft.Playwright;
using Xunit.Abstractions;

namespace VendorPortal.BrowserTests.Journeys;

/// <summary>
/// One journey's screenshots, numbered in the order a person sees them, in <c>/tmp/vendorportal-journeys/&lt;journey&gt;/</c>
/// (emptied when the journey starts). They are what a person looks at when a journey fails, and scripts/screenshots.sh
/// picks the README's pictures from them. The shots are of the window (not the whole page), as a person sees it.
/// </summary>
public sealed class Journey
{
    public static readonly string Root = Path.Combine(Path.GetTempPath(), "vendorportal-journeys");

    private readonly string folder;
    private int step;

    public Journey(string name, ITestOutputHelper output)
    {
        folder = Path.Combine(Root, name);
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        Directory.CreateDirectory(folder);
        output.WriteLine($"Screenshots of this journey: {folder}");
    }

    public static BrowserNewContextOptions Desktop(PortalApp app, string locale = "en-US") => new()
    {
        BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 800 }, Locale = locale,
    };

    public static BrowserNewContextOptions Phone(PortalApp app, string locale) => new()
    {
        BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 844 }, DeviceScaleFactor = 1,
        IsMobile = true, HasTouch = true, Locale = locale,
    };

    /// <summary>Shoots once the document, its images, styles and fonts have loaded (the portal fetches nothing later).</summary>
    public async Task ShotAsync(IPage page, string name)
    {
        await page.LoadedAsync();
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{++step:00}-{name}.png") });
    }
}
