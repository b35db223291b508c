namespace VendorPortal.BrowserTests;

[Collection(PortalCollection.Name)]
public sealed class InvitationTests(PortalApp app)
{
    [Fact]
    public async Task Invited_vendor_manager_creates_an_account_in_Chinese_and_lands_on_the_tenant_dashboard()
    {
        var email = $"new.{Guid.NewGuid():N}@harbor.test";
        var admin = await app.SignInAsync("admin@demo.test");
        await admin.GotoAsync(Pages.Demo.Users);
        Assert.True(await admin.IsHiddenAsync("#invite-vendor"));
        await admin.FillAsync("#Input_Email", email);
        await admin.SelectOptionAsync("#Input_Role", "VendorManager");
        Assert.True(await admin.IsVisibleAsync("#invite-vendor"));
        await admin.SelectOptionAsync("#Input_VendorId", (await app.VendorIdAsync("demo", "Harbor Contact")).ToString());
        await admin.SelectOptionAsync("#Input_Language", "zh-CN");
        await admin.ClickAsync("#send-invitation");
        await admin.WaitForSelectorAsync($"#invitation-table tr[data-email='{email}']");
        Assert.Contains(email, await admin.InnerTextAsync("#flash"));

        var invitee = await app.NewPageAsync();
        await invitee.GotoAsync(await app.InvitationLinkAsync("demo", email));
        var summary = await invitee.InnerTextAsync("#invitation-summary");
        Assert.Contains("Demo Retail Customer Service", summary);
        Assert.Contains("Vendor manager", summary);
        Assert.Contains("Harbor Contact", summary);

        await invitee.FillAsync("#Input_DisplayName", "周敏");
        await invitee.FillAsync("#Input_Password", "harbor night shift 2026");
        await invitee.FillAsync("#Input_ConfirmPassword", "harbor night shift 2026");
        await invitee.ClickAsync("#accept-invitation");

        await invitee.WaitForPageAsync($"{app.BaseUrl}{Pages.Demo.Home}");
        Assert.Equal("周敏", await invitee.InnerTextAsync("#user-name"));
        Assert.Contains("我的供应商", await invitee.InnerTextAsync("#main-nav"));
        Assert.Equal(["Harbor Contact"], await invitee.Locator("#vendor-cards [data-vendor]").EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.vendor)"));

        await invitee.GotoAsync(await app.InvitationLinkAsync("demo", email));
        Assert.NotNull(await invitee.QuerySelectorAsync("#invitation-problem"));
    }

    [Fact]
    public async Task A_broken_invitation_link_explains_itself()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync($"{Pages.AcceptInvitation}?token=not-a-real-token");
        Assert.Equal("This invitation link is not valid or has expired.", await page.InnerTextAsync("#invitation-problem"));
    }
}
