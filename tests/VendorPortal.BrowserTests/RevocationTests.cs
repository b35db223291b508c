namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class RevocationTests(PortalApp app)
{
    [Fact]
    public async Task Admin_disables_a_member_on_the_users_page_and_the_members_open_session_ends()
    {
        var email = $"leaver.{Guid.NewGuid():N}@demo.test";
        var admin = await app.SignInAsync("admin@demo.test");
        await admin.GotoAsync(Pages.Demo.Users);
        await admin.FillAsync("#Input_Email", email);
        await admin.SelectOptionAsync("#Input_Role", "Planner");
        await admin.ClickAsync("#send-invitation");
        await admin.WaitForSelectorAsync($"#invitation-table tr[data-email='{email}']");

        var member = await app.NewPageAsync();
        await member.GotoAsync(await app.InvitationLinkAsync("demo", email));
        await member.FillAsync("#Input_DisplayName", "Lee Leaver");
        await member.FillAsync("#Input_Password", "leaving on a jet plane 7");
        await member.FillAsync("#Input_ConfirmPassword", "leaving on a jet plane 7");
        await member.ClickAsync("#accept-invitation");
        await member.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.Home}");

        await admin.GotoAsync(Pages.Demo.Users);
        var row = admin.Locator($"#member-table tr[data-email='{email}']");
        await row.Locator(".dropdown-toggle").ClickAsync();
        await row.Locator(".vp-member-panel").WaitForAsync();
        await app.ScreenshotAsync(admin, "en-users-manage");
        admin.Dialog += async (_, dialog) => await dialog.AcceptAsync();
        await row.Locator("form[data-action='disable'] button").ClickAsync();
        await admin.WaitForSelectorAsync("#flash");
        Assert.Contains("disabled", await row.InnerTextAsync(), StringComparison.OrdinalIgnoreCase);

        await member.GotoAsync(Pages.Demo.Events);
        Assert.Contains(Pages.Login, member.Url, StringComparison.Ordinal);
        await member.ClickAsync("#forgot-password");
        await member.WaitForSelectorAsync("#forgot-form");
        await app.ScreenshotAsync(member, "en-forgot-password");
        await member.FillAsync("#Email", email);
        await member.ClickAsync("#send-reset");
        await member.WaitForSelectorAsync("#reset-sent");
        await member.GotoAsync($"{Pages.ResetPassword}?email=x%40y.test&token=broken");
        await app.ScreenshotAsync(member, "en-reset-password");
    }
}
