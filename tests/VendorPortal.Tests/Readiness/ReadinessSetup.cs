using VendorPortal.Tests.Agents;
using VendorPortal.Web.Features.Identity;
using static VendorPortal.Tests.Shifts.ShiftSetup;

namespace VendorPortal.Tests.Readiness;

/// <summary>Readiness reads, and the training and vendors a test's shifts need, in tenant demo (Asia/Shanghai).</summary>
public static class ReadinessSetup
{
    public static async Task<JsonObject> ReadinessAsync(this HttpClient client, string query)
    {
        using var response = await client.SendAsync(ApiRoutes.Demo.Readiness.Query(query));
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    /// <summary>The readiness of the only shift of an event the test made.</summary>
    public static async Task<JsonObject> ShiftReadinessAsync(this HttpClient client, Guid eventId, Guid shiftId) =>
        (await client.ReadinessAsync($"eventId={eventId}"))["items"]!.AsArray().Single(i => Guid.Parse((string)i!["shiftId"]!) == shiftId)!.AsObject();

    public static List<string> Reasons(this JsonObject item) => [.. item["reasons"]!.AsArray().Select(r => (string)r!)];

    /// <summary>A session for the event (or none) on a local day and hours, for the PRESALES skill unless told.</summary>
    public static async Task<Guid> SessionAsync(this HttpClient planner, Guid? eventId, DateOnly day, int startHour, int endHour, string skill = "PRESALES")
    {
        using var response = await planner.SendAsync(ApiRoutes.Demo.Training.Create, new
        {
            title = $"Readiness {Guid.NewGuid():N}"[..24], eventId, skills = new[] { skill }, capacity = 20,
            startsAtLocal = Wall(day, startHour), endsAtLocal = Wall(day, endHour), location = "Room 2",
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadObjectAsync())["session"]!.Id();
    }

    public static async Task EnrolledAsync(this HttpClient vendor, Guid sessionId, params Guid[] agentIds)
    {
        using var response = await vendor.EnrollAsync(sessionId, agentIds);
        await response.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task PassedAsync(this HttpClient planner, Guid sessionId, params Guid[] agentIds)
    {
        using var response = await planner.SendAsync(ApiRoutes.Demo.Training.RecordResults(sessionId),
            new { results = agentIds.Select(agentId => new { agentId, outcome = "passed" }) });
        await response.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task ConfirmedAsync(this HttpClient vendor, IEnumerable<Guid> assignmentIds)
    {
        using var response = await vendor.DecideAsync([.. assignmentIds.Select(Confirm)]);
        await response.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A vendor of the test's own has no manager: a vendor-manager API key acts for it.</summary>
    public static async Task<HttpClient> VendorKeyClientAsync(this AppFactory app, Guid vendorId)
    {
        using var admin = await app.ClientFor(DemoData.Admin);
        using var created = await admin.SendAsync(ApiRoutes.Demo.ApiKeys.Create, new { name = $"readiness {Guid.NewGuid():N}", role = TenantRoles.VendorManager, vendorId });
        await created.ShouldBe(HttpStatusCode.Created);
        return app.ApiKeyClient((string)(await created.ReadObjectAsync())["plainTextKey"]!);
    }
}
