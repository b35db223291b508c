using System.Text.RegularExpressions;
using MimeKit;
using VendorPortal.Tests.Agents;
using VendorPortal.Tests.Shifts;

namespace VendorPortal.Tests.Notifications;

/// <summary>
/// Notification e-mails as a mail server receives them: the app sends over SMTP to a server on loopback, and the tests
/// read what arrived with MimeKit: both parts, the button to the page, the preferences link and the one-click unsubscribe.
/// </summary>
public sealed partial class NotificationMailTests(SmtpApp host) : IClassFixture<SmtpApp>
{
    private AppFactory App => host.App;
    private SmtpSink Smtp => host.Sink;

    [Fact]
    public async Task A_cancelled_shift_arrives_as_text_and_html_with_a_button_to_the_shift_and_one_click_unsubscribe()
    {
        var demo = await App.Demo;
        using var planner = await App.ClientFor(DemoData.Planner);
        var shiftId = await NewShiftAsync(planner, demo.ApexInDemo, daysAhead: 41);
        var reason = $"Promotion <b>moved</b> & \"later\" {Guid.NewGuid():N}";
        await CancelAsync(planner, shiftId, reason);

        var mail = await Smtp.WaitForAsync(DemoData.Apex, m => m.TextBody?.Contains(reason) == true);
        Assert.StartsWith("Shift cancelled: ", mail.Subject);
        Assert.NotNull(mail.TextBody);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains($"http://portal.test/t/demo/shifts/{shiftId}", mail.TextBody);
        Assert.Contains($"<a href=\"http://portal.test/t/demo/shifts/{shiftId}\"", mail.HtmlBody);
        Assert.Contains(">Open the shift</a>", mail.HtmlBody);
        Assert.Contains(">Shift cancelled</h1>", mail.HtmlBody);
        Assert.Contains("<html lang=\"en\">", mail.HtmlBody);
        // Every value is escaped: the reason shows as typed and adds no markup.
        Assert.Contains(System.Net.WebUtility.HtmlEncode(reason), mail.HtmlBody);
        Assert.DoesNotContain("<b>moved</b>", mail.HtmlBody);
        Assert.DoesNotContain("<script", mail.HtmlBody);
        Assert.DoesNotContain("<img", mail.HtmlBody);
        Assert.Contains("href=\"http://portal.test/account/notifications\"", mail.HtmlBody);
        Assert.Contains("http://portal.test/account/notifications", mail.TextBody);

        var unsubscribe = UnsubscribeUrl(mail);
        Assert.StartsWith("http://portal.test/unsubscribe/", unsubscribe);
        Assert.Equal("List-Unsubscribe=One-Click", mail.Headers["List-Unsubscribe-Post"]);
        Assert.Contains($"href=\"{unsubscribe}\"", mail.HtmlBody);
    }

    [Fact]
    public async Task A_Chinese_reader_gets_the_mail_in_Chinese_and_an_English_reader_in_English()
    {
        var demo = await App.Demo;
        var chinese = await NewVendorManagerAsync("zh-CN", demo.ApexInDemo);
        using var planner = await App.ClientFor(DemoData.Planner);
        var shiftId = await NewShiftAsync(planner, demo.ApexInDemo, daysAhead: 42);
        var reason = $"Forecast dropped {Guid.NewGuid():N}";
        await CancelAsync(planner, shiftId, reason);

        var zh = await Smtp.WaitForAsync(chinese, m => m.TextBody?.Contains(reason) == true);
        Assert.StartsWith("班次已取消：", zh.Subject);
        Assert.Contains("<html lang=\"zh-CN\">", zh.HtmlBody);
        Assert.Contains(">班次已取消</h1>", zh.HtmlBody);
        Assert.Contains(">查看班次</a>", zh.HtmlBody);
        Assert.Contains("通知设置", zh.TextBody);
        Assert.Contains("退订“班次”邮件", zh.HtmlBody);
        var en = await Smtp.WaitForAsync(DemoData.Apex, m => m.TextBody?.Contains(reason) == true);
        Assert.StartsWith("Shift cancelled: ", en.Subject);
        Assert.DoesNotContain("班次", en.TextBody);
    }

    [Fact]
    public async Task Invitations_use_the_same_layout_and_are_not_optional()
    {
        var email = People.NewEmail("invited");
        await App.InviteAsync(email, "Planner", "zh-CN");
        var mail = await Smtp.WaitForAsync(email, _ => true);
        Assert.NotNull(mail.TextBody);
        Assert.Contains(">您受邀加入 VendorPortal</h1>", mail.HtmlBody);
        Assert.Matches("<a href=\"http://portal.test/invitations/accept\\?token=[^\"]+\"[^>]*>接受邀请</a>", mail.HtmlBody);
        Assert.Null(mail.Headers["List-Unsubscribe"]);
        Assert.DoesNotContain("/unsubscribe/", mail.HtmlBody);
    }

    [Fact]
    public async Task Opting_out_of_shift_mail_stops_it_but_not_capacity_requests()
    {
        var demo = await App.Demo;
        var manager = await NewVendorManagerAsync("en", demo.ApexInDemo);
        using var client = await App.ClientFor(manager, People.GoodPassword);
        using (var off = await client.SendAsync(ApiRoutes.UpdateNotificationPreferences, new { categories = new[] { new { category = "shifts", receive = false } } }))
        {
            await off.ShouldBe(HttpStatusCode.OK);
            var categories = (await off.ReadObjectAsync())["categories"]!.AsArray();
            Assert.Equal(7, categories.Count);
            Assert.False((bool)categories.Single(c => (string)c!["category"]! == "shifts")!["receive"]!);
            Assert.True((bool)categories.Single(c => (string)c!["category"]! == "capacityRequests")!["receive"]!);
        }

        using var planner = await App.ClientFor(DemoData.Planner);
        var shiftId = await NewShiftAsync(planner, demo.ApexInDemo, daysAhead: 43);
        var reason = $"No longer needed {Guid.NewGuid():N}";
        await CancelAsync(planner, shiftId, reason);
        // Apex's other manager is told; by then the opted-out one's mail would have been written in the same transaction.
        await Smtp.WaitForAsync(DemoData.Apex, m => m.TextBody?.Contains(reason) == true);

        var eventId = await planner.NewEventAsync(daysAhead: 44);
        var request = await planner.RequestAsync(eventId, demo.ApexInDemo, [ShiftSetup.Plan(ShiftSetup.Local(44, 9), ShiftSetup.Local(44, 13), 3)]);
        var capacity = await Smtp.WaitForAsync(manager, m => m.HtmlBody?.Contains($"/t/demo/requests/{request.Id()}\"") == true);
        Assert.StartsWith("Capacity requested: ", capacity.Subject);
        Assert.Contains(">Answer the request</a>", capacity.HtmlBody);
        Assert.DoesNotContain(Smtp.To(manager), m => m.TextBody?.Contains(reason) == true);

        using var read = await client.SendAsync(ApiRoutes.NotificationPreferences);
        Assert.False((bool)(await read.ReadObjectAsync())["categories"]!.AsArray().Single(c => (string)c!["category"]! == "shifts")!["receive"]!);
    }

    [Fact]
    public async Task The_one_click_unsubscribe_works_without_sign_in_and_only_for_its_category()
    {
        var demo = await App.Demo;
        var manager = await NewVendorManagerAsync("en", demo.ApexInDemo);
        using var planner = await App.ClientFor(DemoData.Planner);
        var shiftId = await NewShiftAsync(planner, demo.ApexInDemo, daysAhead: 45);
        var reason = $"Dropped {Guid.NewGuid():N}";
        await CancelAsync(planner, shiftId, reason);
        var mail = await Smtp.WaitForAsync(manager, m => m.TextBody?.Contains(reason) == true);
        var path = new Uri(UnsubscribeUrl(mail)).AbsolutePath;

        using var anonymous = App.Anonymous();
        // Opening the link only asks (a link scanner opens it too); a forged or cut token is not found.
        using (var asked = await anonymous.GetAsync(path))
        {
            await asked.ShouldBe(HttpStatusCode.OK);
            Assert.Contains("Stop Shifts e-mails?", await asked.Content.ReadAsStringAsync());
        }
        Assert.True(await ReceivesAsync(manager, "shifts"));
        using (var forged = await anonymous.PostAsync(path[..^4] + "AAAA", OneClick()))
            Assert.Equal(HttpStatusCode.NotFound, forged.StatusCode);
        Assert.True(await ReceivesAsync(manager, "shifts"));

        // RFC 8058: the mail client POSTs "List-Unsubscribe=One-Click", with no cookie and no antiforgery token.
        using (var oneClick = await anonymous.PostAsync(path, OneClick()))
        {
            await oneClick.ShouldBe(HttpStatusCode.OK);
            Assert.Contains("id=\"unsubscribed\"", await oneClick.Content.ReadAsStringAsync());
        }
        using (var again = await anonymous.PostAsync(path, OneClick()))
            await again.ShouldBe(HttpStatusCode.OK);
        Assert.False(await ReceivesAsync(manager, "shifts"));
        Assert.True(await ReceivesAsync(manager, "alerts"));
        Assert.True(await ReceivesAsync(manager, "capacityRequests"));
    }

    [Fact]
    public async Task The_preferences_page_lists_every_category_and_saves_the_choice()
    {
        var demo = await App.Demo;
        var manager = await NewVendorManagerAsync("en", demo.ApexInDemo);
        using var portal = await App.PortalSignInAsync(manager, People.GoodPassword);
        var html = await portal.GetStringAsync(Pages.NotificationPreferences);
        Assert.Contains("id=\"receive-Shifts\"", html);
        Assert.Contains("id=\"notification-preferences-link\"", html);
        using (var saved = await portal.PostFormAsync(Pages.NotificationPreferences, null, [new("Receive", "Alerts"), new("Receive", "Shifts"), new("Receive", "Nonsense")]))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.True(await ReceivesAsync(manager, "shifts"));
        Assert.False(await ReceivesAsync(manager, "training"));
        Assert.False(await ReceivesAsync(manager, "capacityRequests"));
    }

    [Fact]
    public async Task Preferences_refuse_a_category_named_twice_or_unknown_and_API_keys()
    {
        using var apex = await App.ClientFor(DemoData.Apex);
        using (var twice = await apex.SendAsync(ApiRoutes.UpdateNotificationPreferences,
                   new { categories = new[] { new { category = "shifts", receive = false }, new { category = "shifts", receive = true } } }))
            await twice.ShouldBeProblem(HttpStatusCode.BadRequest);
        using (var unknown = await apex.SendAsync(ApiRoutes.UpdateNotificationPreferences, new { categories = new[] { new { category = "fax", receive = false } } }))
            await unknown.ShouldBeProblem(HttpStatusCode.BadRequest);
        using (var missing = await apex.SendAsync(ApiRoutes.UpdateNotificationPreferences, new { categories = new[] { new { category = "shifts" } } }))
            await missing.ShouldBeProblem(HttpStatusCode.BadRequest);
        Assert.True(await ReceivesAsync(DemoData.Apex, "shifts"));
    }

    private async Task<bool> ReceivesAsync(string email, string category)
    {
        using var client = await App.ClientFor(email, email.EndsWith("@demo.test", StringComparison.Ordinal) ? AppFactory.Password : People.GoodPassword);
        using var read = await client.SendAsync(ApiRoutes.NotificationPreferences);
        await read.ShouldBe(HttpStatusCode.OK);
        return (bool)(await read.ReadObjectAsync())["categories"]!.AsArray().Single(c => (string)c!["category"]! == category)!["receive"]!;
    }

    private static FormUrlEncodedContent OneClick() => new([new("List-Unsubscribe", "One-Click")]);

    private static string UnsubscribeUrl(MimeMessage mail)
    {
        var header = mail.Headers["List-Unsubscribe"];
        Assert.NotNull(header);
        var match = HeaderUrl().Match(header);
        Assert.True(match.Success, header);
        return match.Groups[1].Value;
    }

    [GeneratedRegex("^<(http[^>]+)>$")]
    private static partial Regex HeaderUrl();

    /// <summary>A new manager of the vendor, through the public flow: invited, the invitation read off the SMTP server, accepted.</summary>
    private async Task<string> NewVendorManagerAsync(string language, Guid vendorId)
    {
        var email = People.NewEmail("manager");
        await App.InviteAsync(email, "VendorManager", language, vendorId);
        var invitation = await Smtp.WaitForAsync(email, _ => true);
        using var accepted = await App.AcceptAsync(invitation.InvitationToken(), People.GoodPassword);
        await accepted.ShouldBe(HttpStatusCode.OK);
        return email;
    }

    private static async Task<Guid> NewShiftAsync(HttpClient planner, Guid vendorId, int daysAhead)
    {
        var eventId = await planner.NewEventAsync(daysAhead);
        return await planner.NewShiftAsync(eventId, vendorId, ShiftSetup.Local(daysAhead, 9), ShiftSetup.Local(daysAhead, 13), 2);
    }

    private static async Task CancelAsync(HttpClient planner, Guid shiftId, string reason)
    {
        using var cancelled = await planner.SendAsync(ApiRoutes.Demo.Shifts.Cancel(shiftId), new { reason });
        await cancelled.ShouldBe(HttpStatusCode.OK);
    }
}
