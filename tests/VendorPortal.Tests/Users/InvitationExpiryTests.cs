using VendorPortal.Web.Features.Users;

namespace VendorPortal.Tests.Users;

[Collection(AppCollection.Name)]
public sealed class InvitationExpiryTests(ClockedApp clocked) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Invitation_link_is_refused_once_seven_days_have_passed()
    {
        var email = People.NewEmail("late");
        var invitation = await clocked.App.InviteAsync(email);
        Assert.Equal(clocked.Clock.GetUtcNow() + InvitationOperations.Validity,
            DateTimeOffset.Parse((string)invitation["expiresAt"]!, System.Globalization.CultureInfo.InvariantCulture));
        var token = await clocked.App.InvitationTokenAsync(email);

        clocked.Clock.Advance(InvitationOperations.Validity + TimeSpan.FromMinutes(1));
        using var late = await clocked.App.AcceptAsync(token, People.GoodPassword);
        await late.ShouldBeProblem(HttpStatusCode.Gone);
    }

    [Fact]
    public async Task Expired_invitation_no_longer_blocks_a_new_one()
    {
        var email = People.NewEmail("again");
        await clocked.App.InviteAsync(email);
        clocked.Clock.Advance(InvitationOperations.Validity + TimeSpan.FromMinutes(1));
        var second = await clocked.App.InviteAsync(email);
        Assert.Equal(email, (string?)second["email"]);
    }
}
