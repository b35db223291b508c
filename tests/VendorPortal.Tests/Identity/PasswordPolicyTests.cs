namespace VendorPortal.Tests.Identity;

[Collection(AppCollection.Name)]
public sealed class PasswordPolicyTests(AppFactory app)
{
    [Fact]
    public async Task Accepting_an_invitation_refuses_short_and_common_passwords_and_takes_a_good_one()
    {
        var email = People.NewEmail("policy");
        await app.InviteAsync(email);
        var token = await app.InvitationTokenAsync(email);

        foreach (var weak in new[] { "nine-char", "password123", "qwertyuiop", "PASSWORD123", "aaaaaaaaaaaa" })
        {
            using var refused = await app.AcceptAsync(token, weak);
            Assert.True(refused.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity,
                $"'{weak}' answered {(int)refused.StatusCode}: {await refused.Content.ReadAsStringAsync()}");
            var problem = await refused.ShouldBeProblem(refused.StatusCode);
            Assert.Contains("password", problem.ErrorFields());
        }

        using var accepted = await app.AcceptAsync(token, People.GoodPassword);
        await accepted.ShouldBe(HttpStatusCode.OK);
        Assert.Equal(email, (string?)(await accepted.ReadObjectAsync())["email"]);
    }

    [Fact]
    public async Task Password_containing_the_email_name_is_refused()
    {
        var email = People.NewEmail("mailname");
        await app.InviteAsync(email);
        var token = await app.InvitationTokenAsync(email);
        using var refused = await app.AcceptAsync(token, email.Split('@')[0] + "-extra");
        var problem = await refused.ShouldBeProblem(HttpStatusCode.UnprocessableEntity);
        Assert.Contains("password", problem.ErrorFields());
    }
}
