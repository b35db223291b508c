using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using VendorPortal.Web.Features.Identity;
using VendorPortal.Web.Features.Users;

namespace VendorPortal.Tests.Identity;

/// <summary>
/// Every lifetime follows the app's clock, not the machine's: with the app's clock a year before and a year after
/// the real date, invitation links, password-reset links, access tokens and refresh tokens work until their
/// lifetime ends and are refused after it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ClockYearTests
{
    [Theory]
    [InlineData(-365)]
    [InlineData(365)]
    public async Task Links_and_tokens_live_exactly_their_lifetime_on_the_apps_clock(int days)
    {
        // Read once, on purpose: the point is a clock far from the machine's real date.
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(days));
        var host = AppFactory.WithServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(clock);
        });
        await ((IAsyncLifetime)host).InitializeAsync();
        try
        {
            await RunAsync(host, clock);
        }
        finally
        {
            await ((IAsyncLifetime)host).DisposeAsync();
        }
    }

    private static async Task RunAsync(AppFactory app, FakeTimeProvider clock)
    {
        var start = clock.GetUtcNow();
        var tokens = await app.TokensAsync(DemoData.Planner, AppFactory.Password);
        var early = People.NewEmail("early");
        var late = People.NewEmail("late");
        await app.InviteAsync(early);
        await app.InviteAsync(late);
        var earlyInvitation = await app.InvitationTokenAsync(early);
        var lateInvitation = await app.InvitationTokenAsync(late);
        using var anonymous = app.Anonymous();
        using (var asked = await anonymous.SendAsync(ApiRoutes.Auth.ForgotPassword, new { email = DemoData.Finance }))
            await asked.ShouldBe(HttpStatusCode.Accepted);
        var firstReset = await PasswordResetTests.ResetTokenAsync(app, DemoData.Finance);

        // Just inside the access token's hour and the reset link's two hours.
        clock.SetUtcNow(start + TimeSpan.FromMinutes(59));
        using (var bearer = app.BearerClient(tokens.Access))
        using (var works = await bearer.SendAsync(ApiRoutes.Demo.Events.List))
            await works.ShouldBe(HttpStatusCode.OK);
        using (var reset = await anonymous.SendAsync(ApiRoutes.Auth.ResetPassword, new { email = DemoData.Finance, token = firstReset, newPassword = "first-new-phrase-4411" }))
            await reset.ShouldBe(HttpStatusCode.NoContent);
        using (var asked = await anonymous.SendAsync(ApiRoutes.Auth.ForgotPassword, new { email = DemoData.Finance }))
            await asked.ShouldBe(HttpStatusCode.Accepted);
        var secondReset = await PasswordResetTests.ResetTokenAsync(app, DemoData.Finance, count: 2);

        clock.SetUtcNow(start + TimeSpan.FromMinutes(61));
        using (var bearer = app.BearerClient(tokens.Access))
        using (var expired = await bearer.SendAsync(ApiRoutes.Demo.Events.List))
            await expired.ShouldBeProblem(HttpStatusCode.Unauthorized);

        clock.SetUtcNow(start + TimeSpan.FromMinutes(59) + ClockedTokenProvider.Lifetime + TimeSpan.FromMinutes(1));
        using (var reset = await anonymous.SendAsync(ApiRoutes.Auth.ResetPassword, new { email = DemoData.Finance, token = secondReset, newPassword = "second-new-phrase-5522" }))
            await reset.ShouldBeProblem(HttpStatusCode.Gone);

        clock.SetUtcNow(start + InvitationOperations.Validity - TimeSpan.FromMinutes(1));
        using (var accepted = await app.AcceptAsync(earlyInvitation, People.GoodPassword))
            await accepted.ShouldBe(HttpStatusCode.OK);
        clock.SetUtcNow(start + InvitationOperations.Validity + TimeSpan.FromMinutes(1));
        using (var refused = await app.AcceptAsync(lateInvitation, People.GoodPassword))
            await refused.ShouldBeProblem(HttpStatusCode.Gone);

        clock.SetUtcNow(start + TimeSpan.FromDays(14) - TimeSpan.FromMinutes(1));
        using (var refreshed = await app.RefreshAsync(tokens.Refresh))
            await refreshed.ShouldBe(HttpStatusCode.OK);
        clock.SetUtcNow(start + TimeSpan.FromDays(14) + TimeSpan.FromMinutes(1));
        using (var refused = await app.RefreshAsync(tokens.Refresh))
            await refused.ShouldBeProblem(HttpStatusCode.Unauthorized);
    }
}
