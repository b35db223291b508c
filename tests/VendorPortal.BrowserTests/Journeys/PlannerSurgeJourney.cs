using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace VendorPortal.BrowserTests.Journeys;

/// <summary>
/// Journey 2: the planner creates a promotion event, loads its forecast, asks two vendors for surge capacity and watches
/// the fill across vendors change as one of them answers. Elements are found by role, label or text.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PlannerSurgeJourney(PortalApp app, ITestOutputHelper output)
{
    [Fact]
    public async Task A_planner_creates_an_event_loads_a_forecast_asks_two_vendors_and_watches_the_fill()
    {
        var journey = new Journey("planner-surge", output);
        // A fixed name (the journey runs once per app and database), so the screenshots are the same from run to run.
        const string eventName = "New Year sale";
        var day = app.Today("Asia/Shanghai").AddDays(30);
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var planner = await app.SignInAsync("planner@demo.test", Journey.Desktop(app));
        try
        {
            await journey.ShotAsync(planner, "dashboard");
            await planner.GetByRole(AriaRole.Link, new() { Name = "Events", Exact = true }).ClickAsync();
            await planner.GetByRole(AriaRole.Link, new() { Name = "New event" }).ClickAsync();
            await planner.GetByLabel("Name").FillAsync(eventName);
            await planner.GetByLabel("First day").FillAsync(date);
            await planner.GetByLabel("Last day").FillAsync(date);
            await journey.ShotAsync(planner, "new-event");
            await planner.GetByRole(AriaRole.Button, new() { Name = "Create event" }).ClickAsync();
            await Assertions.Expect(planner.GetByRole(AriaRole.Heading, new() { Name = eventName })).ToBeVisibleAsync();
            var eventUrl = planner.Url;

            // The forecast: the evening peak of pre-sales contacts, half-hour by half-hour.
            var csv = new StringBuilder("skill,date,start,contacts,ahtSeconds\n");
            foreach (var (start, contacts) in new[] { ("18:00", 40), ("18:30", 55), ("19:00", 70), ("19:30", 80), ("20:00", 85), ("20:30", 75), ("21:00", 60), ("21:30", 45) })
                csv.Append(CultureInfo.InvariantCulture, $"PRESALES,{date},{start},{contacts},240\n");
            var forecastFile = planner.GetByLabel("Replace the forecast (CSV)");
            await forecastFile.SetInputFilesAsync(new FilePayload { Name = "forecast.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv.ToString()) });
            await planner.Locator("form").Filter(new() { Has = forecastFile }).GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
            await Assertions.Expect(planner.GetByRole(AriaRole.Img).First).ToBeVisibleAsync();
            await journey.ShotAsync(planner, "event-forecast");

            // Surge capacity from two vendors for the same evening shift.
            foreach (var (vendor, headcount) in new[] { ("Apex BPO", 12), ("Harbor Contact", 8) })
            {
                await planner.GotoAsync(eventUrl);
                await planner.GetByRole(AriaRole.Link, new() { Name = "Request capacity" }).ClickAsync();
                await planner.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex(@"^Skill\b") }).SelectOptionAsync("PRESALES");
                await planner.GetByRole(AriaRole.Combobox, new() { NameRegex = new Regex(@"^Vendor\b") }).SelectOptionAsync(new SelectOptionValue { Label = vendor });
                await planner.GetByLabel("Message to the vendor").FillAsync("Evening peak of the New Year sale.");
                await planner.GetByLabel("Starts", new() { Exact = true }).First.FillAsync(Local(day.AddHours(18)));
                await planner.GetByLabel("Ends", new() { Exact = true }).First.FillAsync(Local(day.AddHours(22)));
                await planner.GetByLabel("Agents", new() { Exact = true }).First.FillAsync(headcount.ToString(CultureInfo.InvariantCulture));
                if (vendor == "Apex BPO") await journey.ShotAsync(planner, "request-capacity");
                await planner.GetByRole(AriaRole.Button, new() { Name = "Send request" }).ClickAsync();
                await planner.WaitForPageAsync(new Regex(@"/t/demo/requests/[0-9a-f-]{36}$"));
            }

            await planner.GotoAsync(eventUrl);
            await planner.GetByRole(AriaRole.Link, new() { Name = "Fill across vendors" }).ClickAsync();
            var slot = planner.GetByRole(AriaRole.Img, new() { NameRegex = new Regex(@"needed: \d+ committed") });
            await Assertions.Expect(slot).ToHaveAttributeAsync("aria-label", new Regex(@"needed: 0 committed \(0 confirmed\), 20 awaiting an answer"));
            await journey.ShotAsync(planner, "fill-sent");

            // Apex answers: all twelve agents committed.
            var apex = await app.SignInAsync("apex@demo.test", Journey.Desktop(app));
            await apex.GetByRole(AriaRole.Link, new() { Name = "Requests", Exact = true }).ClickAsync();
            await apex.GetByRole(AriaRole.Link, new() { Name = eventName, Exact = true }).First.ClickAsync();
            await apex.GetByRole(AriaRole.Button, new() { Name = "Commit all" }).ClickAsync();
            await apex.GetByLabel("Message to the planner").FillAsync("All twelve, from our Shanghai pre-sales team.");
            await journey.ShotAsync(apex, "vendor-answers");
            await apex.GetByRole(AriaRole.Button, new() { Name = "Send answer" }).ClickAsync();
            await Assertions.Expect(apex.GetByText("12 of 12 agents committed")).ToBeVisibleAsync();

            await planner.ReloadAsync();
            await Assertions.Expect(slot).ToHaveAttributeAsync("aria-label", new Regex(@"needed: 12 committed \(0 confirmed\), 8 awaiting an answer"));
            await journey.ShotAsync(planner, "fill-answered");

            // The same page in Chinese.
            await planner.GetByRole(AriaRole.Button, new() { Name = "中文", Exact = true }).ClickAsync();
            await Assertions.Expect(planner.GetByRole(AriaRole.Heading, new() { Name = "各供应商填补情况" })).ToBeVisibleAsync();
            await journey.ShotAsync(planner, "fill-zh");
        }
        finally
        {
            await planner.GetByRole(AriaRole.Button, new() { Name = "EN", Exact = true }).ClickAsync();
            await planner.WaitForFunctionAsync("document.documentElement.lang === 'en'");
        }
    }

    private static string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
