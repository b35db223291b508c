namespace VendorPortal.Tests.Hosting;

/// <summary>
/// The security headers on every kind of answer. The Server header is Kestrel's and TestServer has none:
/// the browser tests check it on the real server.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SecurityHeaderTests(AppFactory app)
{
    [Fact]
    public async Task Every_kind_of_answer_carries_the_security_headers()
    {
        using var planner = await app.CookieClientFor(DemoData.Planner);
        using var finance = await app.ClientFor(DemoData.Finance);
        using var financePortal = await app.CookieClientFor(DemoData.Finance);
        using var anonymous = app.Anonymous();
        var statement = (string)(await finance.GetFromJsonAsync<JsonObject>(ApiRoutes.Demo.Statements.List))!["items"]![0]!["id"]!;

        var answers = new (string What, HttpClient Client, string Path, HttpStatusCode Status, bool NoStore)[]
        {
            ("portal page", planner, Pages.Demo.Home, HttpStatusCode.OK, true),
            ("sign-in page", anonymous, Pages.Login, HttpStatusCode.OK, true),
            ("API answer", finance, ApiRoutes.Me.Path, HttpStatusCode.OK, true),
            ("API 401", anonymous, ApiRoutes.Me.Path, HttpStatusCode.Unauthorized, true),
            ("API 404 from the exception handler", finance, ApiRoutes.Demo.Statements.Get(Guid.NewGuid()).Path, HttpStatusCode.NotFound, true),
            ("portal 404", planner, "/t/demo/no-such-page", HttpStatusCode.NotFound, true),
            ("static file", anonymous, "/css/site.css", HttpStatusCode.OK, false),
            ("statement PDF", finance, ApiRoutes.Demo.Statements.Pdf(statement).Path, HttpStatusCode.OK, true),
            ("statement CSV", finance, ApiRoutes.Demo.Statements.Csv(statement).Path, HttpStatusCode.OK, true),
            ("portal statement PDF", financePortal, $"{Pages.Demo.Statements}?handler=Pdf&id={statement}", HttpStatusCode.OK, true),
            ("portal statement CSV", financePortal, $"{Pages.Demo.Statements}?handler=Csv&id={statement}", HttpStatusCode.OK, true),
            ("OpenAPI document", anonymous, "/openapi/v1.json", HttpStatusCode.OK, false),
        };

        foreach (var (what, client, path, status, noStore) in answers)
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == status, $"{what}: {path} answered {(int)response.StatusCode}, expected {(int)status}.");
            var csp = Header(response, "Content-Security-Policy");
            Assert.True(csp is not null, $"{what}: no Content-Security-Policy.");
            var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .ToDictionary(d => d.Split(' ')[0], d => d);
            Assert.Equal("script-src 'self'", directives["script-src"]);
            Assert.Equal("default-src 'self'", directives["default-src"]);
            Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
            Assert.Equal("object-src 'none'", directives["object-src"]);
            Assert.DoesNotContain("unsafe-eval", csp);
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
            Assert.Equal("DENY", Header(response, "X-Frame-Options"));
            Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
            Assert.Contains("microphone=()", Header(response, "Permissions-Policy"));
            Assert.Contains("geolocation=()", Header(response, "Permissions-Policy"));
            Assert.Null(Header(response, "Server"));
            // Plain http here: HSTS is only sent over https (see the next test).
            Assert.Null(Header(response, "Strict-Transport-Security"));
            var cacheControl = Header(response, "Cache-Control") ?? "";
            Assert.True(noStore == cacheControl.Contains("no-store", StringComparison.Ordinal), $"{what}: Cache-Control is \"{cacheControl}\".");
        }
    }

    [Fact]
    public async Task Https_answers_outside_development_carry_hsts()
    {
        using var client = app.Anonymous();
        client.BaseAddress = new Uri("https://portal.vendorportal.test/");
        using var page = await client.GetAsync(Pages.Login);
        await page.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("max-age=31536000; includeSubDomains", Header(page, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task Api_reference_gets_a_nonce_for_its_one_inline_script_and_nothing_looser()
    {
        using var client = app.Anonymous();
        using var docs = await client.GetAsync("/docs/");
        await docs.ShouldBe(HttpStatusCode.OK);
        var csp = Header(docs, "Content-Security-Policy")!;
        var nonce = System.Text.RegularExpressions.Regex.Match(csp, "'nonce-([^']+)'").Groups[1].Value;
        Assert.NotEmpty(nonce);
        Assert.Contains($"script-src 'self' 'nonce-{nonce}';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        var html = await docs.Content.ReadAsStringAsync();
        Assert.Contains($"nonce=\"{nonce}\"", html);

        using var again = await client.GetAsync("/docs/");
        Assert.DoesNotContain(nonce, Header(again, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Portal_markup_has_no_inline_script_or_event_handler()
    {
        var root = Path.Combine(RepositoryRoot.Path, "src", "VendorPortal.Web");
        var offenders = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(file => File.ReadLines(file).Select((line, i) => (file, line, i)))
            .Where(x => System.Text.RegularExpressions.Regex.IsMatch(x.line, @"\son[a-z]+\s*=|<script(?![^>]*\ssrc=)|javascript:", System.Text.RegularExpressions.RegexOptions.IgnoreCase))
            .Select(x => $"{Path.GetRelativePath(root, x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.Empty(offenders);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : null;
}
