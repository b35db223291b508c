namespace VendorPortal.Tests.Infrastructure;

/// <summary>New people made through the public flow (invite, mail, accept), so tests never change the shared demo users.</summary>
public static class People
{
    public const string GoodPassword = "violet-harbour-lantern-42";

    public static string NewEmail(string purpose) => $"{purpose}.{Guid.NewGuid():N}@people.test";

    public static async Task<JsonObject> InviteAsync(this AppFactory app, string email, string role = "Planner", string language = "en", Guid? vendorId = null)
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Invitations.Create, new { email, role, language, vendorId });
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.ReadObjectAsync();
    }

    public static async Task<string> InvitationTokenAsync(this AppFactory app, string email) =>
        (await app.WaitForMailToAsync(email)).Single().InvitationToken();

    public static async Task<HttpResponseMessage> AcceptAsync(this AppFactory app, string token, string password, string displayName = "New Person")
    {
        using var client = app.Anonymous();
        return await client.SendAsync(ApiRoutes.AcceptInvitation, new { token, displayName, password });
    }

    public static async Task<string> NewMemberAsync(this AppFactory app, string purpose, string role = "Planner")
    {
        var email = NewEmail(purpose);
        await app.InviteAsync(email, role);
        using var accepted = await app.AcceptAsync(await app.InvitationTokenAsync(email), GoodPassword);
        await accepted.ShouldBe(HttpStatusCode.OK);
        return email;
    }
}
