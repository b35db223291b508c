using System.Text;

namespace VendorPortal.Tests.Hosting;

/// <summary>Chinese pages are sent as UTF-8 text, not as numeric character references.</summary>
[Collection(AppCollection.Name)]
public sealed class PageEncodingTests(AppFactory app)
{
    [Fact]
    public async Task Chinese_pages_carry_their_characters_as_UTF8()
    {
        using var planner = await app.CookieClientFor(DemoData.Planner);
        planner.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Dzh-CN%7Cuic%3Dzh-CN");
        using var response = await planner.GetAsync(Pages.Demo.Home);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var html = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("<html lang=\"zh-CN\">", html);
        Assert.Contains("概览", html);
        Assert.DoesNotContain("&#x6982;", html);
        Assert.DoesNotMatch(@"&#x[4-9A-F][0-9A-F]{3};", html);

        using var anonymous = app.Anonymous();
        anonymous.DefaultRequestHeaders.Add("Accept-Language", "zh-CN");
        using var login = await anonymous.GetAsync(Pages.Login);
        Assert.DoesNotMatch(@"&#x[4-9A-F][0-9A-F]{3};", await login.Content.ReadAsStringAsync());
    }
}
