using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorPortal.Web.Data;
using VendorPortal.Web.Features.Alerts;
using Xunit.Abstractions;

namespace VendorPortal.BrowserTests.Journeys;

/// <summary>
/// Journey 1: Apex's team lead, on a phone and in Chinese, gets the readiness alert e-mail about tomorrow's shift, follows
/// its link, confirms the agents and sees the shift confirmed and the alert dealt with. Elements are found by their role,
/// label or text (in Chinese, as the person reads them), so the journey survives changes of layout.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class VendorOnAPhoneJourney(PortalApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_vendor_manager_on_a_phone_confirms_tomorrows_reserves_after_an_alert_email()
    {
        var journey = new Journey("vendor-phone-zh", output);
        // Fixed names (the journey runs once per app and database), so the screenshots are the same from run to run.
        const string eventName = "周末闪购";
        var tomorrow = app.Today("Asia/Shanghai").AddDays(1);
        var agents = new[] { "王芳", "李娜", "张伟" };

        // The planner placed a shift on Apex for tomorrow and Apex assigned three reserve agents, nobody confirmed yet.
        using var plannerApi = await app.ApiClientAsync("planner@demo.test");
        using var apexApi = await app.ApiClientAsync("apex@demo.test");
        var eventId = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.Events.Create, new
        {
            name = eventName, startDate = DateOnly.FromDateTime(tomorrow), endDate = DateOnly.FromDateTime(tomorrow), intervalMinutes = 30,
            serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        }))["id"]!;
        var shiftId = (string)(await PostAsync(plannerApi, ApiRoutes.Demo.Shifts.Create, new
        {
            eventId, vendorId = await app.VendorIdAsync("demo", "Apex BPO"), skill = "PRESALES",
            startsAtLocal = Local(tomorrow.AddHours(10.5)), endsAtLocal = Local(tomorrow.AddHours(18.5)), headcount = 3,
        }))["shift"]!["id"]!;
        var agentIds = new List<string>();
        foreach (var (name, i) in agents.Select((n, i) => (n, i)))
            agentIds.Add((string)(await PostAsync(apexApi, ApiRoutes.Demo.Agents.Create, new
            {
                externalRef = $"JOURNEY-{i + 1}", displayName = name, status = "active", skills = new[] { "PRESALES" }, languages = new[] { "zh" },
            }))["id"]!);
        await PostAsync(apexApi, ApiRoutes.Demo.Shifts.Assign(shiftId), new { agentIds });

        var phone = await app.SignInAsync("apex@demo.test", Journey.Phone(app, "zh-CN"));
        try
        {
            // She reads the portal in Chinese: the choice is kept on her account, so the alert e-mail is in Chinese too.
            await phone.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true }).ClickAsync();
            await phone.WaitForFunctionAsync("document.documentElement.lang === 'zh-CN'");
            await journey.ShotAsync(phone, "dashboard");

            // The alert scan runs (every 15 minutes in production): 17 hours before the shift, nobody is confirmed.
            var tenantId = await DemoTenantIdAsync();
            await app.RunJobAsync<EvaluateAlerts>(j => j.RunAsync(tenantId, CancellationToken.None));
            var mail = await app.WaitForMailAsync("apex@demo.test",
                m => (m.TextBody ?? "").Contains(eventName, StringComparison.Ordinal) && (m.Subject ?? "").Contains("确认人数不足", StringComparison.Ordinal));
            Assert.StartsWith("就绪预警", mail.Subject);
            var link = Regex.Match(mail.TextBody ?? "", $@"{Regex.Escape(app.BaseUrl)}/t/demo/(alerts|shifts)[^\s<>)\]]*");
            Assert.True(link.Success, $"No portal link in the e-mail's text:\n{mail.TextBody}");
            output.WriteLine($"Alert e-mail: {mail.Subject}\n{mail.TextBody}");

            await phone.GotoAsync(link.Value);
            var shiftStart = tomorrow.AddHours(10.5).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            if (phone.Url.Contains("/alerts", StringComparison.Ordinal))
            {
                await Assertions.Expect(phone.GetByText(eventName).First).ToBeVisibleAsync();
                await journey.ShotAsync(phone, "alerts-from-email");
                await phone.GetByRole(AriaRole.Link, new() { Name = shiftStart }).First.ClickAsync();
            }
            await phone.WaitForPageAsync(url => url.EndsWith($"/shifts/{shiftId}", StringComparison.Ordinal));
            await journey.ShotAsync(phone, "shift-to-confirm");

            // One tap per agent: on a phone each Confirm is saved at once.
            for (var i = 0; i < agents.Length; i++)
            {
                await phone.GetByRole(AriaRole.Button, new() { Name = $"确认 {agents[i]}", Exact = true }).ClickAsync();
                await Assertions.Expect(phone.GetByText($"{i + 1} / 3").First).ToBeVisibleAsync();
                if (i == 0) await journey.ShotAsync(phone, "shift-decided");
            }
            await journey.ShotAsync(phone, "shift-confirmed");

            var shift = (await apexApi.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Shifts.Get(shiftId)))!;
            Assert.Equal(3, (int)shift["shift"]!["confirmed"]!);
            Assert.All(shift["assignments"]!.AsArray(), a => Assert.Equal("confirmed", (string)a!["status"]!));

            // Back on the alerts: whatever is still open about this shift (the agents are not trained yet) she acknowledges.
            await phone.GotoAsync(Pages.Demo.Alerts);
            var open = phone.Locator("[data-alert]").Filter(new() { HasText = eventName });
            while (await open.CountAsync() > 0)
            {
                await open.First.GetByRole(AriaRole.Button, new() { Name = "确认知悉" }).ClickAsync();
                await phone.LoadedAsync();
            }
            await Assertions.Expect(phone.GetByText(eventName)).ToHaveCountAsync(0);
            await journey.ShotAsync(phone, "alerts-done");

            using var alerts = await apexApi.GetAsync(ApiRoutes.Demo.Alerts.List.Query($"status=open&eventId={eventId}").Path);
            Assert.Equal(0, (int)(await alerts.Content.ReadFromJsonAsync<JsonObject>())!["total"]!);
        }
        finally
        {
            // The language is kept on the account: leave her in English for the tests that read English.
            await phone.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
            await phone.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        }
    }

    private async Task<Guid> DemoTenantIdAsync()
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AppDbContext>().Tenants.Where(t => t.Slug == "demo").Select(t => t.Id).SingleAsync();
    }

    internal static async Task<JsonObject> PostAsync(HttpClient client, ApiRoute route, object body)
    {
        using var response = await client.SendAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    internal static string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
