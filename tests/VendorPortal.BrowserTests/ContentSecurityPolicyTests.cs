using Microsoft.Playwright;

namespace VendorPortal.BrowserTests;

/// <summary>The portal and the API reference work under the Content-Security-Policy: nothing the browser refuses.</summary>
[Collection(PortalCollection.Name)]
public sealed class ContentSecurityPolicyTests(PortalApp app)
{
    [Fact]
    public async Task Api_reference_renders_its_operations_without_a_policy_violation()
    {
        var page = await app.NewPageAsync();
        var violations = new List<string>();
        await WatchAsync(page, violations);
        var response = await page.GotoAsync("/docs/");
        Assert.NotNull(response);
        Assert.Contains("script-src 'self' 'nonce-", await response.HeaderValueAsync("content-security-policy"));
        Assert.Null(await response.HeaderValueAsync("server"));

        // Rendered by Scalar's scripts from the OpenAPI document: the policy let them run and fetch it.
        await page.GetByRole(AriaRole.Heading, new() { Name = "VendorPortal API" }).First.WaitForAsync(new() { Timeout = 30_000 });
        // The reference opens the first group only.
        await page.Locator("button").Filter(new() { HasText = "Open Group - Vendors" }).First.ClickAsync();
        await page.GetByText("/api/t/{tenant}/vendors").First.WaitForAsync();
        Assert.Contains("The tenant's slug, e.g. demo.", await page.InnerTextAsync("body"));
        await page.LoadedAsync();
        await app.ScreenshotAsync(page, "en-api-reference");
        Assert.Empty(violations);
    }

    [Fact]
    public async Task Portal_pages_raise_no_policy_violation()
    {
        var login = await app.NewPageAsync();
        var violations = new List<string>();
        await WatchAsync(login, violations);
        var first = await login.GotoAsync(Pages.Login);
        Assert.Null(await first!.HeaderValueAsync("server"));
        Assert.DoesNotContain("unsafe-inline", (await first.HeaderValueAsync("content-security-policy"))!.Split(';').Single(d => d.Trim().StartsWith("script-src", StringComparison.Ordinal)));

        foreach (var (email, paths) in new[]
        {
            ("planner@demo.test", new[] { Pages.Demo.Home, Pages.Demo.Shifts, Pages.Demo.Readiness, Pages.Demo.NewRequest, Pages.Demo.Events, Pages.Demo.Pool, Pages.Demo.Training }),
            ("apex@demo.test", new[] { Pages.Demo.Home, Pages.Demo.Requests, Pages.Demo.Shifts, Pages.Demo.ImportAgents }),
        })
        {
            var page = await app.SignInAsync(email);
            await WatchAsync(page, violations);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                Assert.True(response!.Status == 200, $"{path} answered {response.Status} to {email}");
            }
            if (email.StartsWith("planner", StringComparison.Ordinal))
            {
                // The pages whose scripts do the most: the event's staffing chart and the readiness event picker.
                await page.GotoAsync(Pages.Demo.Events);
                await page.ClickAsync("#event-table a:text-is('Double 12')");
                await page.WaitForSelectorAsync("#staffing-chart");
                await page.GotoAsync(Pages.Demo.Readiness);
                var options = page.Locator("select[name=event] option");
                if (await options.CountAsync() > 1)
                {
                    var second = await options.Nth(1).GetAttributeAsync("value");
                    await Task.WhenAll(
                        page.WaitForPageAsync(url => url.Contains($"event={second}", StringComparison.Ordinal)),
                        page.Locator("select[name=event]").SelectOptionAsync(second!));
                }
            }
        }
        Assert.Empty(violations);
    }

    /// <summary>Every refusal the browser reports: console messages naming the policy, and violation events.</summary>
    private static async Task WatchAsync(IPage page, List<string> found)
    {
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) found.Add($"{page.Url}: {message.Text}");
        };
        await page.Context.AddInitScriptAsync(
            "document.addEventListener('securitypolicyviolation', e => console.error('Content Security Policy violation: ' + " +
            "e.violatedDirective + ' ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));");
    }
}
