using System.Net.Http.Headers;
using System.Text;

namespace VendorPortal.Tests.Billing;

/// <summary>Fresh vendors, rate cards and volumes made through the API, so billing tests never touch the demo vendors' figures.</summary>
public static class BillingSetup
{
    public static async Task<Guid> NewVendorAsync(this AppFactory app, string name = "华南客服外包")
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var response = await admin.SendAsync(ApiRoutes.Demo.Vendors.Create, new { name = $"{name} {Guid.NewGuid().ToString("N")[..6]}" });
        await response.ShouldBe(HttpStatusCode.Created);
        return Guid.Parse((string)(await response.ReadObjectAsync())["id"]!);
    }

    public static object Tier(long? upTo, decimal unitPrice) => new { upTo, unitPrice };

    public static async Task<HttpResponseMessage> PostCardAsync(this HttpClient finance, Guid vendorId, string? skill, string from, string? to,
        object[] tiers, decimal? monthlyMinimum = null) =>
        await finance.SendAsync(ApiRoutes.Demo.RateCards.Create, new { vendorId, skill, effectiveFrom = from, effectiveTo = to, tiers, monthlyMinimum });

    public static async Task<Guid> CardAsync(this HttpClient finance, Guid vendorId, string? skill, string from, string? to, object[] tiers, decimal? monthlyMinimum = null)
    {
        using var response = await finance.PostCardAsync(vendorId, skill, from, to, tiers, monthlyMinimum);
        await response.ShouldBe(HttpStatusCode.Created);
        return Guid.Parse((string)(await response.ReadObjectAsync())["id"]!);
    }

    public static object Volume(Guid vendorId, string skill, string date, int handled, string? interval = null,
        int? offered = null, int? answered = null, int? aht = null, int? complaints = null) =>
        new { vendorId, skill, date, interval, handled, offered, answered, averageHandleSeconds = aht, complaints };

    public static async Task<JsonObject> VolumesAsync(this HttpClient client, params object[] rows)
    {
        using var response = await client.SendAsync(ApiRoutes.Demo.ContactVolumes.Upsert, new { rows });
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    public static HttpContent Csv(string text)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return content;
    }
}
