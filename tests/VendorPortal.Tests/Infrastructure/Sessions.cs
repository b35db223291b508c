using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>Credentials obtained the way people obtain them: the API's login and the portal's sign-in form.</summary>
public static partial class Sessions
{
    public sealed record Tokens(string Access, string Refresh);

    public static async Task<Tokens> TokensAsync(this AppFactory app, string email, string password)
    {
        using var client = app.Anonymous();
        using var login = await client.SendAsync(ApiRoutes.Auth.Login, new { email, password });
        await login.ShouldBe(HttpStatusCode.OK);
        var body = await login.ReadObjectAsync();
        return new Tokens((string)body["accessToken"]!, (string)body["refreshToken"]!);
    }

    public static HttpClient BearerClient(this AppFactory app, string accessToken)
    {
        var client = app.Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public static async Task<HttpResponseMessage> RefreshAsync(this AppFactory app, string refreshToken)
    {
        using var client = app.Anonymous();
        return await client.SendAsync(ApiRoutes.Auth.Refresh, new { refreshToken });
    }

    /// <summary>Signs in through the portal's login form; the client keeps the cookies it was given.</summary>
    public static async Task<HttpClient> PortalSignInAsync(this AppFactory app, string email, string password)
    {
        var client = app.Anonymous();
        using var signedIn = await client.PostFormAsync(Pages.Login, null, [new("Input.Email", email), new("Input.Password", password)]);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        return client;
    }

    /// <summary>Opens the page, then posts its form (handler, fields) with the page's antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, string? handler, List<KeyValuePair<string, string>> fields)
    {
        using var page = await client.GetAsync(path);
        await page.ShouldBe(HttpStatusCode.OK);
        fields.Add(new("__RequestVerificationToken", AntiforgeryToken(await page.Content.ReadAsStringAsync())));
        var target = handler is null ? path : $"{path}{(path.Contains('?', StringComparison.Ordinal) ? '&' : '?')}handler={handler}";
        return await client.PostAsync(target, new FormUrlEncodedContent(fields));
    }

    /// <summary>The antiforgery token of the page's form.</summary>
    public static string AntiforgeryToken(string html) => AntiforgeryField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
