namespace VendorPortal.Tests.Hosting;

[Collection(AppCollection.Name)]
public sealed class HealthTests(AppFactory app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_endpoints_answer_200_without_sign_in(string path)
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync(path);
        await response.ShouldBe(HttpStatusCode.OK);
        Assert.Equal("Healthy", (string?)(await response.ReadObjectAsync())["status"]);
    }

    [Fact]
    public async Task Ready_check_covers_the_database()
    {
        using var client = app.Anonymous();
        var body = await client.GetFromJsonAsync<JsonObject>("/health/ready");
        Assert.Equal("Healthy", (string?)body!["checks"]!["database"]);
    }
}
