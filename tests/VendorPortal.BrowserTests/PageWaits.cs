using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

/// <summary>
/// Waits for a page by asking the page itself (its address and <c>document.readyState</c>) instead of waiting for
/// Playwright's load event: on a machine starved of processor that event was seen to go missing (network idle arrived,
/// load never did), and the wait ran out although the page was there.
/// </summary>
public static class PageWaits
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    /// <summary>Until the page's address is <paramref name="url"/> (absolute) and its document has loaded.</summary>
    public static Task WaitForPageAsync(this IPage page, string url) => page.WaitForPageAsync(u => u == url, url);

    public static Task WaitForPageAsync(this IPage page, Regex url) => page.WaitForPageAsync(url.IsMatch, url.ToString());

    public static async Task WaitForPageAsync(this IPage page, Func<string, bool> url, string? what = null)
    {
        var clock = Stopwatch.StartNew();
        while (!(url(page.Url) && await IsLoadedAsync(page)))
        {
            if (clock.Elapsed > Limit) throw new TimeoutException($"The page did not reach {what ?? "the address looked for"} and load within {Limit.TotalSeconds} s; it is at {page.Url}.");
            await Task.Delay(50);
        }
    }

    /// <summary>Until the page's current document has loaded (images, styles and scripts) and its fonts are ready.</summary>
    public static async Task LoadedAsync(this IPage page)
    {
        await page.WaitForPageAsync(_ => true, "a loaded document");
        await page.EvaluateAsync("() => document.fonts.ready.then(() => true)");
    }

    private static async Task<bool> IsLoadedAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("document.readyState") == "complete";
        }
        catch (PlaywrightException)
        {
            // The document is being replaced by the next one: ask again.
            return false;
        }
    }
}
