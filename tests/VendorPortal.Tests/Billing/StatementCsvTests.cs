using System.Security.Cryptography;
using static VendorPortal.Tests.Billing.BillingSetup;

namespace VendorPortal.Tests.Billing;

/// <summary>The statement CSV goes through the one CSV writer: names are neutralised, amounts stay numbers, and the file is what the hash covers.</summary>
[Collection(AppCollection.Name)]
public sealed class StatementCsvTests(AppFactory app)
{
    [Fact]
    public async Task Formula_like_names_are_neutralised_while_negative_amounts_stay_numbers()
    {
        using var finance = await app.ClientFor(DemoData.Finance);
        using var admin = await app.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"=cmd|' /C calc'!A0 {Guid.NewGuid():N}"[..30] });
        await created.ShouldBe(HttpStatusCode.Created);
        var vendor = Guid.Parse((string)(await created.ReadObjectAsync())["id"]!);
        await finance.CardAsync(vendor, "HOTLINE", "2026-05-01", null, [Tier(null, 1.5m)]);
        await finance.VolumesAsync(Volume(vendor, "HOTLINE", "2026-05-04", 100));
        using var drafted = await finance.SendAsync(ApiRoutes.Demo.Statements.Generate, new
        {
            vendorId = vendor, month = "2026-05", taxRate = (decimal?)null,
            adjustments = new[] { new { amount = -20.5m, reason = "-credit for a late report" }, new { amount = 5m, reason = "@fee" } },
        });
        await drafted.ShouldBe(HttpStatusCode.Created);
        var draft = (await drafted.ReadObjectAsync())["statement"]!;
        using var issued = await finance.SendAsync(ApiRoutes.Demo.Statements.Issue(draft["id"]), new { expectedTotal = (decimal)draft["total"]! });
        await issued.ShouldBe(HttpStatusCode.OK);
        var hash = (string)(await issued.ReadObjectAsync())["statement"]!["contentHash"]!;

        using var response = await finance.SendAsync(ApiRoutes.Demo.Statements.Csv(draft["id"]));
        await response.ShouldBe(HttpStatusCode.OK);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(CsvFile.Utf8Bom));
        Assert.Equal(hash, Convert.ToHexStringLower(SHA256.HashData(bytes)));
        var text = System.Text.Encoding.UTF8.GetString(bytes.AsSpan(3));
        // An escaped cell is also quoted, so the quote mark survives any reader.
        Assert.Contains(",vendor,\"'=cmd|' /C calc'!A0", text);
        Assert.Contains("\r\nusage,HOTLINE,", text);
        Assert.Contains(",100,1.5000,150.00\r\n", text);
        Assert.Contains("\r\nadjustment,,\"'-credit for a late report\",,,,,,-20.50\r\n", text);
        Assert.Contains("\r\nadjustment,,\"'@fee\",,,,,,5.00\r\n", text);
        Assert.Contains("\r\nadjustments,,,,,,,,-15.50\r\n", text);
        Assert.Contains("\r\ntotal,,,,,,,,134.50\r\n", text);

        using var portal = await app.CookieClientFor(DemoData.Finance);
        Assert.Equal(bytes, await portal.GetByteArrayAsync($"{Pages.Demo.Statements}?handler=Csv&id={draft["id"]}"));
    }
}
