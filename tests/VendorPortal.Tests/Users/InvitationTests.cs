using VendorPortal.Web.Features.Users;

namespace VendorPortal.Tests.Users;

[Collection(AppCollection.Name)]
public sealed class InvitationTests(AppFactory app)
{
    private const string DemoTenantName = "Demo Retail Customer Service";

    private static bool ChineseTextsExist =>
        File.Exists(Path.Combine(RepositoryRoot.Path, "src", "VendorPortal.Web", "Resources", "SharedResource.zh-CN.resx"));

    [Fact]
    public async Task Invitation_in_Chinese_is_mailed_once_and_its_link_makes_a_member_with_the_role()
    {
        var demo = await app.Demo;
        var email = People.NewEmail("zh");
        var invitation = await app.InviteAsync(email, "Planner", "zh-CN");
        Assert.Equal("zh-CN", (string?)invitation["language"]);

        var mail = Assert.Single(await app.WaitForMailToAsync(email));
        var text = $"{mail.Subject}\n{mail.TextBody}\n{mail.HtmlBody}";
        Assert.Contains(DemoTenantName, text);
        Assert.Contains($"{Pages.AcceptInvitation}?token=", text);
        if (ChineseTextsExist)
        {
            Assert.Contains("邀请", text);
            Assert.DoesNotContain("You are invited", mail.Subject);
        }

        using (var again = await (await app.ClientFor(DemoData.Admin)).SendAsync(ApiRoutes.Demo.Invitations.Create, new { email, role = "Planner", language = "zh-CN" }))
            Assert.Contains("email", (await again.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorFields());

        await app.RunJobAsync<SendInvitationEmails>(j => j.RunAsync(demo.DemoTenantId, CancellationToken.None));
        await app.RunJobAsync<SendInvitationEmails>(j => j.RunAsync(demo.DemoTenantId, CancellationToken.None));
        Assert.Single(await app.MailToAsync(email));

        using (var accepted = await app.AcceptAsync(mail.InvitationToken(), People.GoodPassword, "张伟"))
        {
            await accepted.ShouldBe(HttpStatusCode.OK);
            var body = await accepted.ReadObjectAsync();
            Assert.Equal(email, (string?)body["email"]);
            Assert.Equal("demo", (string?)body["tenant"]);
        }

        using var member = await app.ClientFor(email, People.GoodPassword);
        var me = await member.GetFromJsonAsync<JsonObject>(ApiRoutes.Me);
        Assert.Equal("zh-CN", (string?)me!["language"]);
        Assert.Equal("张伟", (string?)me["displayName"]);
        var membership = Assert.Single(me["memberships"]!.AsArray());
        Assert.Equal(("demo", "Planner"), ((string?)membership!["tenant"], (string?)membership["role"]));

        using var settings = await member.SendAsync(ApiRoutes.Demo.Settings.Get);
        await settings.ShouldBe(HttpStatusCode.OK);
        using var adminWork = await member.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"By planner {Guid.NewGuid():N}" });
        await adminWork.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Invitation_link_works_only_once()
    {
        var email = People.NewEmail("once");
        await app.InviteAsync(email);
        var token = await app.InvitationTokenAsync(email);
        using (var first = await app.AcceptAsync(token, People.GoodPassword))
            await first.ShouldBe(HttpStatusCode.OK);
        using var second = await app.AcceptAsync(token, People.GoodPassword);
        await second.ShouldBeProblem(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Tampered_invitation_token_is_refused()
    {
        var email = People.NewEmail("tampered");
        await app.InviteAsync(email);
        var token = await app.InvitationTokenAsync(email);
        using var refused = await app.AcceptAsync(token[..^6] + "AAAAAA", People.GoodPassword);
        Assert.Contains("token", (await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task Existing_member_cannot_be_invited_again()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Invitations.Create, new { email = DemoData.Planner, role = "Finance", language = "en" });
        Assert.Contains("email", (await response.ShouldBeProblem(HttpStatusCode.Conflict)).ErrorFields());
    }

    [Fact]
    public async Task Vendor_manager_invitation_must_name_a_vendor_of_the_tenant()
    {
        var demo = await app.Demo;
        using var admin = await app.ClientFor(DemoData.Admin);
        using var missing = await admin.SendAsync(ApiRoutes.Demo.Invitations.Create, new { email = People.NewEmail("novendor"), role = "VendorManager", language = "en" });
        Assert.Contains("vendorId", (await missing.ShouldBeProblem(HttpStatusCode.BadRequest)).ErrorFields());
        using var foreign = await admin.SendAsync(ApiRoutes.Demo.Invitations.Create,
            new { email = People.NewEmail("foreignvendor"), role = "VendorManager", language = "en", vendorId = demo.ApexInSandbox });
        Assert.Contains("vendorId", (await foreign.ShouldBeProblem(HttpStatusCode.UnprocessableEntity)).ErrorFields());
    }

    [Fact]
    public async Task Invited_vendor_manager_sees_only_their_vendor()
    {
        var demo = await app.Demo;
        var email = People.NewEmail("harborstaff");
        await app.InviteAsync(email, "VendorManager", vendorId: demo.HarborInDemo);
        using (var accepted = await app.AcceptAsync(await app.InvitationTokenAsync(email), People.GoodPassword))
            await accepted.ShouldBe(HttpStatusCode.OK);
        using var member = await app.ClientFor(email, People.GoodPassword);
        var vendors = await member.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Vendors.List);
        Assert.Equal([demo.HarborInDemo.ToString()], vendors!["items"]!.AsArray().Select(v => (string?)v!["id"]));
    }
}
