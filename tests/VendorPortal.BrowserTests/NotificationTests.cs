using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using MimeKit;

namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed partial class NotificationTests(PortalApp app)
{
    private const string Harbor = "harbor@demo.test";

    [Fact]
    public async Task The_unsubscribe_link_of_an_e_mail_works_in_the_browser_and_the_preferences_page_shows_it_off()
    {
        using var planner = await app.ApiClientAsync("planner@demo.test");
        var harborId = await app.VendorIdAsync("demo", "Harbor Contact");
        var day = app.Today("Asia/Shanghai").AddDays(33);
        var eventId = (string)(await PostAsync(planner, ApiRoutes.Demo.Events.Create, new
        {
            name = $"Unsubscribe drill {Guid.NewGuid():N}"[..28], startDate = DateOnly.FromDateTime(day), endDate = DateOnly.FromDateTime(day),
            intervalMinutes = 30, serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        }))["id"]!;
        var shiftId = (string)(await PostAsync(planner, ApiRoutes.Demo.Shifts.Create, new
        {
            eventId, vendorId = harborId, skill = "PRESALES", startsAtLocal = Local(day.AddHours(9)), endsAtLocal = Local(day.AddHours(13)), headcount = 2,
        }))["shift"]!["id"]!;
        var reason = $"Campaign dropped {Guid.NewGuid():N}";
        await PostAsync(planner, ApiRoutes.Demo.Shifts.Cancel(shiftId), new { reason });

        // The link as the reader sees it: the footer's "Unsubscribe" link of the e-mail that arrived.
        var mail = await WaitForMailAsync(Harbor, reason);
        var link = UnsubscribeLink().Match(mail.HtmlBody!);
        Assert.True(link.Success, mail.HtmlBody);
        var url = System.Net.WebUtility.HtmlDecode(link.Groups[1].Value);
        Assert.Equal($"<{url}>", mail.Headers["List-Unsubscribe"]);

        var visitor = await app.NewPageAsync();
        try
        {
            // The e-mail as a mail client shows it: the button and the footer links are real links.
            await visitor.SetContentAsync(mail.HtmlBody!);
            Assert.Equal("Shift cancelled", await visitor.InnerTextAsync("h1"));
            Assert.True(await visitor.IsVisibleAsync($"a[href$='/t/demo/shifts/{shiftId}']:text('Open the shift')"));
            await app.ScreenshotAsync(visitor, "en-email-shift-cancelled");
            // The portal's address in the e-mail is the configured public one; the test's server listens elsewhere.
            await visitor.GotoAsync(new Uri(url).PathAndQuery);
            Assert.Contains("Stop Shifts e-mails?", await visitor.InnerTextAsync("h1"));
            await visitor.ClickAsync("#unsubscribe");
            await visitor.WaitForSelectorAsync("#unsubscribed");
            Assert.Contains("no longer sends you Shifts e-mails", await visitor.InnerTextAsync("main"));
            await app.ScreenshotAsync(visitor, "en-unsubscribed");
        }
        finally
        {
            await visitor.Context.CloseAsync();
        }

        var harbor = await app.SignInAsync(Harbor);
        try
        {
            await harbor.ClickAsync("#user-menu");
            await harbor.ClickAsync("#notification-preferences-link");
            await harbor.WaitForSelectorAsync("#notification-preferences");
            Assert.False(await harbor.IsCheckedAsync("#receive-Shifts"));
            Assert.True(await harbor.IsCheckedAsync("#receive-Alerts"));
            await app.ScreenshotAsync(harbor, "en-notification-preferences");
            // Back on, through the page, so the demo manager keeps receiving shift e-mails.
            await harbor.CheckAsync("#receive-Shifts");
            await harbor.ClickAsync("#save-preferences");
            await harbor.WaitForSelectorAsync("#flash");
            Assert.True(await harbor.IsCheckedAsync("#receive-Shifts"));
        }
        finally
        {
            await harbor.Context.CloseAsync();
        }
    }

    [GeneratedRegex("<a href=\"([^\"]*/unsubscribe/[^\"]+)\"")]
    private static partial Regex UnsubscribeLink();

    private async Task<MimeMessage> WaitForMailAsync(string to, string containing)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(30))
        {
            foreach (var file in Directory.Exists(app.MailFolder) ? Directory.GetFiles(app.MailFolder, "*.eml") : [])
            {
                var message = await MimeMessage.LoadAsync(file);
                if (message.To.Mailboxes.Any(m => m.Address == to) && message.TextBody?.Contains(containing, StringComparison.Ordinal) == true)
                    return message;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No mail to {to} containing \"{containing}\" in {app.MailFolder}.");
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, ApiRoute route, object body)
    {
        using var response = await client.SendAsync(route, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    private static string Local(DateTime at) => at.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);
}
