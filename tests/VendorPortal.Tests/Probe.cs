namespace VendorPortal.Tests;

[Collection(AppCollection.Name)]
public sealed class Probe(AppFactory app, Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Run()
    {
        var demo = await app.Demo;
        using var harbor = await app.ClientFor(DemoData.Harbor);
        using var admin = await app.ClientFor(DemoData.Admin);
        foreach (var (client, method, path) in new[] {
            (harbor, "GET", $"/api/t/demo/vendors/{demo.ApexInDemo}"),
            (admin, "GET", $"/api/t/demo/vendors/{Guid.NewGuid()}"),
            (admin, "PUT", $"/api/t/demo/vendors/{Guid.NewGuid()}"),
            (admin, "DELETE", $"/api/t/demo/api-keys/{Guid.NewGuid()}"),
            (admin, "POST", "/api/t/demo/vendors"),
            (admin, "POST", "/api/t/demo/skills"),
        })
        {
            using var req = new HttpRequestMessage(new HttpMethod(method), path);
            if (method is "PUT" or "POST") req.Content = JsonContent.Create(new { name = method == "POST" && path.EndsWith("skills") ? "" : "Apex BPO" });
            using var r = await client.SendAsync(req);
            output.WriteLine($"{method} {path} -> {(int)r.StatusCode} {r.Content.Headers.ContentType} {string.Join(",", r.Headers.Select(h => h.Key))} :: {await r.Content.ReadAsStringAsync()}");
        }
    }
}
