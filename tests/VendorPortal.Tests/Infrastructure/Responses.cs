namespace VendorPortal.Tests.Infrastructure;

public static class Responses
{
    public const string ProblemJson = "application/problem+json";

    public static async Task ShouldBe(this HttpResponseMessage response, HttpStatusCode expected)
    {
        if (response.StatusCode != expected)
            Assert.Fail($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.PathAndQuery} answered " +
                $"{(int)response.StatusCode} {response.StatusCode}, expected {(int)expected} {expected}. Body: {await response.Content.ReadAsStringAsync()}");
    }

    public static async Task<JsonObject> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        await response.ShouldBe(expected);
        Assert.Equal(ProblemJson, response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadObjectAsync();
        Assert.Equal((int)expected, (int?)problem["status"]);
        return problem;
    }

    /// <summary>The field names of a problem's errors, whatever shape FastEndpoints gives them.</summary>
    public static IReadOnlyList<string> ErrorFields(this JsonObject problem) => problem["errors"] switch
    {
        JsonArray list => [.. list.Select(e => (string?)e?["name"] ?? "")],
        JsonObject map => [.. map.Select(p => p.Key)],
        _ => [],
    };
}
