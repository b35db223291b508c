namespace VendorPortal.Tests.Agents;

/// <summary>Helpers for tests that need agents and sessions of their own.</summary>
public static class ReserveAgents
{
    public static string NewRef(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..24];

    public static async Task<Guid> NewAgentAsync(this HttpClient vendor, string name = "测试 Agent", string status = "active", params string[] skills)
    {
        using var response = await vendor.SendAsync(ApiRoutes.Demo.Agents.Create, new
        {
            externalRef = NewRef("T"), displayName = name, status, skills = skills.Length == 0 ? ["PRESALES"] : skills, languages = new[] { "zh" },
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return Guid.Parse((string)(await response.ReadObjectAsync())["id"]!);
    }

    /// <summary>A session in tenant demo (Asia/Shanghai), <paramref name="daysAhead"/> days after <see cref="PinnedClock.StartDay"/>, at the given local hours.</summary>
    public static async Task<JsonObject> NewSessionAsync(this HttpClient planner, int capacity = 10, int daysAhead = 20, int startHour = 9, int endHour = 12, string skill = "PRESALES")
    {
        var day = PinnedClock.StartDay.AddDays(daysAhead);
        using var response = await planner.SendAsync(ApiRoutes.Demo.Training.Create, new
        {
            title = $"Session {Guid.NewGuid():N}"[..20], skills = new[] { skill }, capacity,
            startsAtLocal = day.AddHours(startHour), endsAtLocal = day.AddHours(endHour), location = "Room 1",
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadObjectAsync())["session"]!.AsObject();
    }

    public static Guid Id(this JsonNode node) => Guid.Parse((string)node["id"]!);

    public static Task<HttpResponseMessage> EnrollAsync(this HttpClient client, Guid sessionId, params Guid[] agentIds) =>
        client.SendAsync(ApiRoutes.Demo.Training.Enroll(sessionId), new { agentIds });
}
