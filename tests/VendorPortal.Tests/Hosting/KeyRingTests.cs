using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorPortal.Web.Data;
using VendorPortal.Web.Hosting;

namespace VendorPortal.Tests.Hosting;

/// <summary>
/// The data-protection key ring lives in the app database: a second host on the same database (a restarted process,
/// or another node) accepts the first host's tokens and cookies, and a configured certificate encrypts the keys.
/// </summary>
public sealed class KeyRingTests
{
    [Fact]
    public async Task Another_host_on_the_same_database_accepts_the_first_hosts_token_and_cookie()
    {
        await using var first = new AppFactory();
        await ((IAsyncLifetime)first).InitializeAsync();
        var token = await first.LoginAsync(DemoData.Planner);
        using var firstCookie = await first.CookieClientFor(DemoData.Planner);
        var cookie = firstCookie.DefaultRequestHeaders.GetValues("Cookie").Single();

        await using var second = AppFactory.WithSettings(SameDatabaseAs(first));
        await ((IAsyncLifetime)second).InitializeAsync();
        using var api = second.Anonymous();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token);
        using (var me = await api.SendAsync(ApiRoutes.Me))
            await me.ShouldBe(HttpStatusCode.OK);
        using var portal = second.Anonymous();
        portal.DefaultRequestHeaders.Add("Cookie", cookie);
        using (var page = await portal.GetAsync(Pages.Demo.Home))
            await page.ShouldBe(HttpStatusCode.OK);

        await ((IAsyncLifetime)second).DisposeAsync();
        await ((IAsyncLifetime)first).DisposeAsync();
    }

    [Fact]
    public async Task A_configured_certificate_encrypts_the_keys_at_rest()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"vp-keys-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=VendorPortal key ring test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            // The certificate's dates only bound its use for encryption; the app never checks them against a clock.
            using var certificate = request.CreateSelfSigned(new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-password"));
        }
        await using var app = AppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = pfx,
            ["DataProtection:CertificatePassword"] = "test-password",
        });
        await ((IAsyncLifetime)app).InitializeAsync();
        try
        {
            using var planner = await app.ClientFor(DemoData.Planner);
            using (var me = await planner.SendAsync(ApiRoutes.Me))
                await me.ShouldBe(HttpStatusCode.OK);

            await using var scope = app.Services.CreateAsyncScope();
            var keys = await scope.ServiceProvider.GetRequiredService<AppDbContext>().DataProtectionKeys.AsNoTracking().ToListAsync();
            Assert.NotEmpty(keys);
            Assert.All(keys, k =>
            {
                // Unprotected, the master key sits in a <value> element; protected, only its cipher text is stored.
                Assert.Contains("EncryptedData", k.Xml!);
                Assert.DoesNotContain("<value>", k.Xml!);
            });
        }
        finally
        {
            await ((IAsyncLifetime)app).DisposeAsync();
            File.Delete(pfx);
        }
    }

    /// <summary>The first host's database, but a data folder of its own: nothing the first host kept on disk is shared.</summary>
    private static Dictionary<string, string?> SameDatabaseAs(AppFactory app) => new()
    {
        ["Database:ConnectionString"] = app.ConnectionString
            ?? Database.SqliteConnectionString(new DatabaseOptions(), new DataFolder(app.DataFolder)),
    };
}
