namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class ClockTests(PortalApp app)
{
    [Fact]
    public async Task Pages_read_the_apps_clock_and_their_timers_still_run()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(Pages.Login);
        var browserNow = DateTimeOffset.FromUnixTimeMilliseconds((long)await page.EvaluateAsync<double>("() => new Date().getTime()"));
        Assert.InRange((app.Now - browserNow).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(1));
        var waited = await page.EvaluateAsync<double>("() => new Promise(r => { const s = Date.now(); setTimeout(() => r(Date.now() - s), 200); })");
        Assert.InRange(waited, 200, 60_000);
    }
}
