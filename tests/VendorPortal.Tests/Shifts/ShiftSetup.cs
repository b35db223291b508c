using VendorPortal.Tests.Agents;

namespace VendorPortal.Tests.Shifts;

/// <summary>Events, capacity requests and shifts of a test's own, in tenant demo (Asia/Shanghai).</summary>
public static class ShiftSetup
{
    /// <summary>A fresh event <paramref name="daysAhead"/> days out (local dates), lasting <paramref name="days"/> days.</summary>
    public static async Task<Guid> NewEventAsync(this HttpClient planner, int daysAhead = 30, int days = 3, string tenant = "demo")
    {
        var day = DateOnly.FromDateTime(DateTime.UtcNow.Date.AddDays(daysAhead));
        using var response = await planner.PostAsJsonAsync($"/api/t/{tenant}/events", new
        {
            name = $"Event {Guid.NewGuid():N}"[..20], startDate = day, endDate = day.AddDays(days - 1), intervalMinutes = 30,
            serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadObjectAsync()).Id();
    }

    /// <summary>Local wall time on the event's first day (daysAhead from today), at the given hour.</summary>
    public static DateTime Local(int daysAhead, int hour) => DateTime.UtcNow.Date.AddDays(daysAhead).AddHours(hour);

    public static object Plan(DateTime start, DateTime end, int headcount) => new { startsAtLocal = start, endsAtLocal = end, headcount };

    public static async Task<JsonObject> RequestAsync(this HttpClient planner, Guid eventId, Guid vendorId, object[] shifts,
        string skill = "PRESALES", DateTime? respondBy = null, Guid? backfillForId = null, string tenant = "demo")
    {
        using var response = await planner.PostAsJsonAsync($"/api/t/{tenant}/capacity-requests", new
        {
            eventId, vendorId, skill, respondByLocal = respondBy ?? DateTime.UtcNow.AddDays(5), message = "Please confirm by Friday.",
            backfillForId, shifts,
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.ReadObjectAsync();
    }

    /// <summary>The vendor commits the given numbers, shift by shift in the request's order.</summary>
    public static async Task<JsonObject> RespondAsync(this HttpClient vendor, JsonObject request, string? message, params int[] committed)
    {
        var shifts = request["shifts"]!.AsArray().Select((s, i) => new { requestedShiftId = (string)s!["id"]!, committed = committed[i] }).ToArray();
        using var response = await vendor.PostAsJsonAsync($"/api/t/demo/capacity-requests/{request.Id()}/response", new { shifts, message });
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    /// <summary>A planner-made shift for the vendor, and its id.</summary>
    public static async Task<Guid> NewShiftAsync(this HttpClient planner, Guid eventId, Guid vendorId, DateTime start, DateTime end, int headcount, string skill = "PRESALES")
    {
        using var response = await planner.PostAsJsonAsync("/api/t/demo/shifts", new
        {
            eventId, vendorId, skill, startsAtLocal = start, endsAtLocal = end, headcount,
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadObjectAsync())["shift"]!.Id();
    }

    public static Task<HttpResponseMessage> AssignAsync(this HttpClient vendor, Guid shiftId, params Guid[] agentIds) =>
        vendor.PostAsJsonAsync($"/api/t/demo/shifts/{shiftId}/assignments", new { agentIds });

    public static async Task<JsonObject> ShiftAsync(this HttpClient client, Guid shiftId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/t/demo/shifts/{shiftId}", Json.Options))!;

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient vendor, params object[] decisions) =>
        vendor.PostAsJsonAsync("/api/t/demo/confirmations", decisions);

    public static object Confirm(Guid assignmentId) => new { assignmentId, decision = "confirm" };

    public static object Decline(Guid assignmentId, string reason) => new { assignmentId, decision = "decline", reason };

    public static async Task<List<Guid>> AgentsAsync(this HttpClient vendor, int count, string skill = "PRESALES")
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add(await vendor.NewAgentAsync($"班次 Agent {i}", "active", skill));
        return ids;
    }
}
