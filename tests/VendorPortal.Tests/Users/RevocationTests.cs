using VendorPortal.Web.Features.Identity;

namespace VendorPortal.Tests.Users;

/// <summary>
/// Taking access away ends what the person held on the very next request: each test signs in first (bearer and
/// refresh tokens from the API, a cookie from the portal's sign-in form, API keys), revokes, then tries the old credentials.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RevocationTests(AppFactory app)
{
    private sealed record Held(Sessions.Tokens Tokens, HttpClient Portal) : IDisposable
    {
        public void Dispose() => Portal.Dispose();
    }

    private async Task<(string Email, Guid UserId)> NewMemberAsync(string purpose, string role = "Planner", Guid? vendorId = null)
    {
        var email = People.NewEmail(purpose);
        await app.InviteAsync(email, role, vendorId: vendorId);
        using var accepted = await app.AcceptAsync(await app.InvitationTokenAsync(email), People.GoodPassword);
        await accepted.ShouldBe(HttpStatusCode.OK);
        return (email, Guid.Parse((string)(await accepted.ReadObjectAsync())["userId"]!));
    }

    /// <summary>Signs in both ways and proves each credential works before anything is revoked.</summary>
    private async Task<Held> SignInAsync(string email, ApiRoute apiRead, string pagePath)
    {
        var tokens = await app.TokensAsync(email, People.GoodPassword);
        using (var bearer = app.BearerClient(tokens.Access))
        using (var works = await bearer.SendAsync(apiRead))
            await works.ShouldBe(HttpStatusCode.OK);
        var portal = await app.PortalSignInAsync(email, People.GoodPassword);
        using (var page = await portal.GetAsync(pagePath))
            await page.ShouldBe(HttpStatusCode.OK);
        return new Held(tokens, portal);
    }

    /// <summary>The old bearer token gets 401, the refresh token 401, and the portal cookie is sent to sign in.</summary>
    private async Task ProveEndedAsync(Held held, ApiRoute apiRead, string pagePath)
    {
        using (var bearer = app.BearerClient(held.Tokens.Access))
        using (var refused = await bearer.SendAsync(apiRead))
            await refused.ShouldBeProblem(HttpStatusCode.Unauthorized);
        using (var bearer = app.BearerClient(held.Tokens.Access))
        using (var me = await bearer.SendAsync(ApiRoutes.Me))
            await me.ShouldBeProblem(HttpStatusCode.Unauthorized);
        using (var refresh = await app.RefreshAsync(held.Tokens.Refresh))
            await refresh.ShouldBeProblem(HttpStatusCode.Unauthorized);
        using var page = await held.Portal.GetAsync(pagePath);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains(Pages.Login, page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Removed_member_loses_bearer_refresh_and_portal_cookie_at_once_and_the_removal_is_audited()
    {
        var (email, userId) = await NewMemberAsync("removed");
        using var held = await SignInAsync(email, ApiRoutes.Demo.Events.List, Pages.Demo.Events);

        using var admin = await app.ClientFor(DemoData.Admin);
        using (var removed = await admin.SendAsync(ApiRoutes.Demo.Users.Remove(userId)))
            await removed.ShouldBe(HttpStatusCode.NoContent);

        await ProveEndedAsync(held, ApiRoutes.Demo.Events.List, Pages.Demo.Events);
        // Signing in again still works (the account exists), but the tenant is no longer theirs.
        var again = await app.TokensAsync(email, People.GoodPassword);
        using (var bearer = app.BearerClient(again.Access))
        using (var gone = await bearer.SendAsync(ApiRoutes.Demo.Events.List))
            await gone.ShouldBeProblem(HttpStatusCode.NotFound);
        var users = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Users.List.Query("pageSize=200"));
        Assert.DoesNotContain(users!["items"]!.AsArray(), u => (string?)u!["userId"] == userId.ToString());

        var audit = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query("entityType=Membership&pageSize=200"));
        var entry = audit!["items"]!.AsArray().First(a => (string?)a!["action"] == "deleted" && a["changes"]?.ToJsonString().Contains(userId.ToString(), StringComparison.OrdinalIgnoreCase) == true);
        Assert.Equal(DemoData.Admin, (string?)entry!["actor"]);
    }

    [Fact]
    public async Task Disabled_member_is_signed_out_and_refused_until_enabled_again()
    {
        var (email, userId) = await NewMemberAsync("disabled");
        using var held = await SignInAsync(email, ApiRoutes.Demo.Events.List, Pages.Demo.Events);

        using var admin = await app.ClientFor(DemoData.Admin);
        using (var disabled = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { disabled = true }))
        {
            await disabled.ShouldBe(HttpStatusCode.OK);
            Assert.True((bool)(await disabled.ReadObjectAsync())["disabled"]!);
        }
        await ProveEndedAsync(held, ApiRoutes.Demo.Events.List, Pages.Demo.Events);

        var again = await app.TokensAsync(email, People.GoodPassword);
        using (var bearer = app.BearerClient(again.Access))
        using (var refused = await bearer.SendAsync(ApiRoutes.Demo.Events.List))
            await refused.ShouldBeProblem(HttpStatusCode.NotFound);
        var listed = (await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Users.List.Query("pageSize=200")))!["items"]!.AsArray()
            .Single(u => (string?)u!["userId"] == userId.ToString())!;
        Assert.True((bool)listed["disabled"]!);

        using (var enabled = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { disabled = false }))
            await enabled.ShouldBe(HttpStatusCode.OK);
        var fresh = await app.TokensAsync(email, People.GoodPassword);
        using var back = app.BearerClient(fresh.Access);
        using var works = await back.SendAsync(ApiRoutes.Demo.Events.List);
        await works.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Role_change_ends_old_sign_ins_and_the_new_role_applies_on_the_next_sign_in()
    {
        var (email, userId) = await NewMemberAsync("rerole");
        using var held = await SignInAsync(email, ApiRoutes.Demo.Events.List, Pages.Demo.Events);

        using var admin = await app.ClientFor(DemoData.Admin);
        using (var changed = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { role = "Finance" }))
        {
            await changed.ShouldBe(HttpStatusCode.OK);
            Assert.Equal("Finance", (string?)(await changed.ReadObjectAsync())["role"]);
        }
        await ProveEndedAsync(held, ApiRoutes.Demo.Events.List, Pages.Demo.Events);

        var fresh = await app.TokensAsync(email, People.GoodPassword);
        using var client = app.BearerClient(fresh.Access);
        using (var planning = await client.SendAsync(ApiRoutes.Demo.Events.Create, new { name = "Not a planner any more", startDate = "2027-03-01", endDate = "2027-03-02" }))
            await planning.ShouldBeProblem(HttpStatusCode.Forbidden);
        using (var finance = await client.SendAsync(ApiRoutes.Demo.RateCards.List))
            await finance.ShouldBe(HttpStatusCode.OK);

        var audit = await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Audit.List.Query("entityType=Membership&pageSize=200"));
        Assert.Contains(audit!["items"]!.AsArray(), a => (string?)a!["action"] == "updated"
            && a["changes"]?.ToJsonString().Contains("\"from\":\"Planner\",\"to\":\"Finance\"", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task Vendor_manager_moved_to_another_vendor_sees_only_the_new_vendor()
    {
        var demo = await app.Demo;
        var (email, userId) = await NewMemberAsync("rebound", "VendorManager", demo.ApexInDemo);
        using var held = await SignInAsync(email, ApiRoutes.Demo.Vendors.Get(demo.ApexInDemo), Pages.Demo.Agents);

        using var admin = await app.ClientFor(DemoData.Admin);
        using (var moved = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { vendorId = demo.HarborInDemo }))
            await moved.ShouldBe(HttpStatusCode.OK);
        await ProveEndedAsync(held, ApiRoutes.Demo.Vendors.Get(demo.ApexInDemo), Pages.Demo.Agents);

        var fresh = await app.TokensAsync(email, People.GoodPassword);
        using var client = app.BearerClient(fresh.Access);
        using (var apex = await client.SendAsync(ApiRoutes.Demo.Vendors.Get(demo.ApexInDemo)))
            await apex.ShouldBeProblem(HttpStatusCode.NotFound);
        using (var harbor = await client.SendAsync(ApiRoutes.Demo.Vendors.Get(demo.HarborInDemo)))
            await harbor.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Admin_cannot_remove_demote_or_disable_themselves()
    {
        var (email, userId) = await NewMemberAsync("selfadmin", "TenantAdmin");
        using var self = app.BearerClient((await app.TokensAsync(email, People.GoodPassword)).Access);
        using (var remove = await self.SendAsync(ApiRoutes.Demo.Users.Remove(userId)))
            await remove.ShouldBeProblem(HttpStatusCode.Conflict);
        using (var demote = await self.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { role = "Planner" }))
            await demote.ShouldBeProblem(HttpStatusCode.Conflict);
        using (var disable = await self.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { disabled = true }))
            await disable.ShouldBeProblem(HttpStatusCode.Conflict);
        using var still = await self.SendAsync(ApiRoutes.Demo.Users.List);
        await still.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Users_of_another_tenant_and_unknown_users_are_not_found_and_bad_changes_are_refused()
    {
        var sandboxAdmin = (await (await app.ClientFor(DemoData.SandboxAdmin)).GetFromJsonAsync<JsonObject>(ApiRoutes.Me))!["id"]!.GetValue<Guid>();
        var (_, userId) = await NewMemberAsync("badchange");
        using var admin = await app.ClientFor(DemoData.Admin);
        using (var foreign = await admin.SendAsync(ApiRoutes.Demo.Users.Remove(sandboxAdmin)))
            await foreign.ShouldBeProblem(HttpStatusCode.NotFound);
        using (var foreign = await admin.SendAsync(ApiRoutes.Demo.Users.Change(sandboxAdmin), new { disabled = true }))
            await foreign.ShouldBeProblem(HttpStatusCode.NotFound);
        using (var unknown = await admin.SendAsync(ApiRoutes.Demo.Users.Change(Guid.NewGuid()), new { role = "Finance" }))
            await unknown.ShouldBeProblem(HttpStatusCode.NotFound);
        using (var notGuid = await admin.SendAsync(ApiRoutes.Demo.Users.Remove("not-a-guid")))
            Assert.True(notGuid.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotFound, $"got {(int)notGuid.StatusCode}");

        using (var role = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { role = "Boss" }))
            await role.ShouldBeProblem(HttpStatusCode.BadRequest);
        using (var noVendor = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { role = "VendorManager" }))
            await noVendor.ShouldBeProblem(HttpStatusCode.BadRequest);
        using (var vendorOfPlanner = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { vendorId = (await app.Demo).ApexInDemo }))
            await vendorOfPlanner.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        using (var foreignVendor = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { role = "VendorManager", vendorId = (await app.Demo).ApexInSandbox }))
            await foreignVendor.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        using (var nothing = await admin.SendAsync(ApiRoutes.Demo.Users.Change(userId), new { }))
            await nothing.ShouldBeProblem(HttpStatusCode.BadRequest);

        using var planner = await app.ClientFor(DemoData.Planner);
        using var notAdmin = await planner.SendAsync(ApiRoutes.Demo.Users.Remove(userId));
        await notAdmin.ShouldBeProblem(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Api_keys_of_a_vendor_set_inactive_stop_working_at_once()
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var vendor = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"Inactive soon {Guid.NewGuid():N}" });
        await vendor.ShouldBe(HttpStatusCode.Created);
        var vendorId = (string)(await vendor.ReadObjectAsync())["id"]!;
        using var created = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = $"vendor key {Guid.NewGuid():N}", role = TenantRoles.VendorManager, vendorId });
        using var key = app.ApiKeyClient((string)(await created.ReadObjectAsync())["plainTextKey"]!);
        using (var works = await key.SendAsync(ApiRoutes.Demo.Vendors.Get(vendorId)))
            await works.ShouldBe(HttpStatusCode.OK);

        using (var inactive = await admin.SendAsync(ApiRoutes.Demo.Vendors.Update(vendorId), new { name = $"Inactive {Guid.NewGuid():N}", status = "Inactive" }))
            await inactive.ShouldBe(HttpStatusCode.OK);
        using var refused = await key.SendAsync(ApiRoutes.Demo.Vendors.Get(vendorId));
        await refused.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Api_keys_made_by_an_admin_stop_working_once_that_admin_is_removed()
    {
        var (email, userId) = await NewMemberAsync("keymaker", "TenantAdmin");
        using var maker = app.BearerClient((await app.TokensAsync(email, People.GoodPassword)).Access);
        using var created = await maker.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = $"maker key {Guid.NewGuid():N}", role = TenantRoles.Planner });
        await created.ShouldBe(HttpStatusCode.Created);
        using var key = app.ApiKeyClient((string)(await created.ReadObjectAsync())["plainTextKey"]!);
        using (var works = await key.SendAsync(ApiRoutes.Demo.Events.List))
            await works.ShouldBe(HttpStatusCode.OK);

        using var admin = await app.ClientFor(DemoData.Admin);
        using (var removed = await admin.SendAsync(ApiRoutes.Demo.Users.Remove(userId)))
            await removed.ShouldBe(HttpStatusCode.NoContent);
        using var refused = await key.SendAsync(ApiRoutes.Demo.Events.List);
        await refused.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Users_page_changes_roles_disables_enables_and_removes_with_confirmation()
    {
        var (email, userId) = await NewMemberAsync("paged");
        using var held = await SignInAsync(email, ApiRoutes.Demo.Events.List, Pages.Demo.Events);
        using var admin = await app.PortalSignInAsync(DemoData.Admin, AppFactory.Password);
        var path = Pages.Demo.Users;

        var html = await admin.GetStringAsync(path);
        Assert.Contains($"data-action=\"remove\"", html);
        Assert.Contains("data-confirm=", html);

        using (var role = await admin.PostFormAsync(path, "Role", [new("userId", userId.ToString()), new("role", "Finance")]))
            Assert.Equal(HttpStatusCode.Redirect, role.StatusCode);
        await ProveEndedAsync(held, ApiRoutes.Demo.Events.List, Pages.Demo.Events);
        Assert.Equal("Finance", await RoleOfAsync(userId));

        using (var disable = await admin.PostFormAsync(path, "Disable", [new("userId", userId.ToString())]))
            Assert.Equal(HttpStatusCode.Redirect, disable.StatusCode);
        Assert.True(await DisabledAsync(userId));
        using (var enable = await admin.PostFormAsync(path, "Enable", [new("userId", userId.ToString())]))
            Assert.Equal(HttpStatusCode.Redirect, enable.StatusCode);
        Assert.False(await DisabledAsync(userId));

        // A refused change is explained on the page, not an error page.
        var me = (await (await app.ClientFor(DemoData.Admin)).GetFromJsonAsync<JsonObject>(ApiRoutes.Me))!["id"]!.GetValue<Guid>();
        using (var self = await admin.PostFormAsync(path, "Remove", [new("userId", me.ToString())]))
        {
            await self.ShouldBe(HttpStatusCode.OK);
            Assert.Contains("id=\"member-error\"", await self.Content.ReadAsStringAsync());
        }

        using (var remove = await admin.PostFormAsync(path, "Remove", [new("userId", userId.ToString())]))
            Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        Assert.DoesNotContain(email, await admin.GetStringAsync(path));
    }

    [Fact]
    public async Task Users_page_speaks_chinese()
    {
        var email = People.NewEmail("zhadmin");
        await app.InviteAsync(email, "TenantAdmin", "zh-CN");
        using (var accepted = await app.AcceptAsync(await app.InvitationTokenAsync(email), People.GoodPassword))
            await accepted.ShouldBe(HttpStatusCode.OK);
        // The sign-in sets the culture cookie from the account's language.
        using var admin = await app.PortalSignInAsync(email, People.GoodPassword);
        var html = WebUtility.HtmlDecode(await admin.GetStringAsync(Pages.Demo.Users));
        Assert.Contains("更改角色", html);
        Assert.Contains("移除", html);
        Assert.Contains("停用", html);
    }

    private async Task<JsonNode> MemberAsync(Guid userId)
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        return (await admin.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Users.List.Query("pageSize=200")))!["items"]!.AsArray()
            .Single(u => (string?)u!["userId"] == userId.ToString())!;
    }

    private async Task<string?> RoleOfAsync(Guid userId) => (string?)(await MemberAsync(userId))["role"];

    private async Task<bool> DisabledAsync(Guid userId) => (bool)(await MemberAsync(userId))["disabled"]!;
}
