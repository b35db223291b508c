using VendorPortal.Tests.Agents;

namespace VendorPortal.Tests.Shifts;

/// <summary>Events, capacity requests and shifts of a test's own, in tenant demo (Asia/Shanghai) unless a tenant is named.</summary>
public static class ShiftSetup
{
    public static readonly TimeSpan Shanghai = TimeSpan.FromHours(8);

    /// <summary>A fresh event <paramref name="daysAhead"/> days after <see cref="PinnedClock.StartDay"/> (local dates), lasting <paramref name="days"/> days.</summary>
    public static Task<Guid> NewEventAsync(this HttpClient planner, int daysAhead = 30, int days = 3, string tenant = "demo") =>
        planner.NewEventAsync(DateOnly.FromDateTime(PinnedClock.StartDay.AddDays(daysAhead)), days, tenant);

    /// <summary>A fresh event from <paramref name="first"/> (a local date), lasting <paramref name="days"/> days.</summary>
    public static async Task<Guid> NewEventAsync(this HttpClient planner, DateOnly first, int days, string tenant = "demo", string? name = null)
    {
        using var response = await planner.SendAsync(ApiRoutes.For(tenant).Events.Create, new
        {
            name = name ?? $"Event {Guid.NewGuid():N}"[..20], startDate = first, endDate = first.AddDays(days - 1), intervalMinutes = 30,
            serviceLevel = 0.8, targetSeconds = 20, shrinkage = 0.3, maxOccupancy = 1.0,
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadObjectAsync()).Id();
    }

    /// <summary>Local wall time on the event's first day (daysAhead from <see cref="PinnedClock.StartDay"/>), at the given hour.</summary>
    public static DateTime Local(int daysAhead, int hour) => PinnedClock.StartDay.AddDays(daysAhead).AddHours(hour);

    /// <summary>A wall time without a zone, as a planner types it.</summary>
    public static DateTime Wall(DateOnly day, int hour, int minute = 0) => day.ToDateTime(new TimeOnly(hour, minute));

    /// <summary>Today's date in tenant demo's zone on the given clock.</summary>
    public static DateOnly DemoToday(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(Shanghai).DateTime);

    /// <summary>The body that moves a shift to demo wall times: instants with Shanghai's offset, as the API takes them.</summary>
    public static object MoveTo(DateTime start, DateTime end) => new { startsAt = InDemo(start), endsAt = InDemo(end) };

    /// <summary>A demo wall time as the instant it is in Asia/Shanghai.</summary>
    public static DateTimeOffset InDemo(DateTime wall) => new(DateTime.SpecifyKind(wall, DateTimeKind.Unspecified), Shanghai);

    public static object Plan(DateTime start, DateTime end, int headcount) => new { startsAtLocal = start, endsAtLocal = end, headcount };

    public static Task<HttpResponseMessage> PostRequestAsync(this HttpClient planner, Guid eventId, Guid vendorId, object[] shifts,
        string skill = "PRESALES", DateTime? respondBy = null, Guid? backfillForId = null, string tenant = "demo") =>
        planner.SendAsync(ApiRoutes.For(tenant).CapacityRequests.Create, new
        {
            eventId, vendorId, skill, respondByLocal = respondBy ?? AppFactory.Of(planner).Now.UtcDateTime.AddDays(5), message = "Please confirm by Friday.",
            backfillForId, shifts,
        });

    public static async Task<JsonObject> RequestAsync(this HttpClient planner, Guid eventId, Guid vendorId, object[] shifts,
        string skill = "PRESALES", DateTime? respondBy = null, Guid? backfillForId = null, string tenant = "demo")
    {
        using var response = await planner.PostRequestAsync(eventId, vendorId, shifts, skill, respondBy, backfillForId, tenant);
        await response.ShouldBe(HttpStatusCode.Created);
        return await response.ReadObjectAsync();
    }

    /// <summary>The vendor commits the given numbers, shift by shift in the request's order.</summary>
    public static async Task<JsonObject> RespondAsync(this HttpClient vendor, JsonObject request, string? message, params int[] committed)
    {
        using var response = await vendor.PostResponseAsync(request, message, committed);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.ReadObjectAsync();
    }

    public static Task<HttpResponseMessage> PostResponseAsync(this HttpClient vendor, JsonObject request, string? message, int[] committed, string tenant = "demo")
    {
        var shifts = request["shifts"]!.AsArray().Select((s, i) => new { requestedShiftId = (string)s!["id"]!, committed = committed[i] }).ToArray();
        return vendor.SendAsync(ApiRoutes.For(tenant).CapacityRequests.Respond(request.Id()), new { shifts, message });
    }

    public static async Task<JsonObject> CapacityRequestAsync(this HttpClient client, Guid id, string tenant = "demo") =>
        (await client.GetFromJsonAsync<JsonObject>(ApiRoutes.For(tenant).CapacityRequests.Get(id), Json.Options))!;

    public static Task<HttpResponseMessage> PostShiftAsync(this HttpClient planner, Guid eventId, Guid vendorId, DateTime start, DateTime end, int headcount,
        string skill = "PRESALES", string tenant = "demo") =>
        planner.SendAsync(ApiRoutes.For(tenant).Shifts.Create, new { eventId, vendorId, skill, startsAtLocal = start, endsAtLocal = end, headcount });

    /// <summary>A planner-made shift for the vendor, and its id.</summary>
    public static async Task<Guid> NewShiftAsync(this HttpClient planner, Guid eventId, Guid vendorId, DateTime start, DateTime end, int headcount,
        string skill = "PRESALES", string tenant = "demo")
    {
        using var response = await planner.PostShiftAsync(eventId, vendorId, start, end, headcount, skill, tenant);
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadObjectAsync())["shift"]!.Id();
    }

    public static Task<HttpResponseMessage> AssignAsync(this HttpClient vendor, Guid shiftId, params Guid[] agentIds) =>
        vendor.AssignAsync("demo", shiftId, agentIds);

    public static Task<HttpResponseMessage> AssignAsync(this HttpClient vendor, string tenant, Guid shiftId, params Guid[] agentIds) =>
        vendor.SendAsync(ApiRoutes.For(tenant).Shifts.Assign(shiftId), new { agentIds });

    /// <summary>Assigns and expects 200.</summary>
    public static async Task AssignedAsync(this HttpClient vendor, Guid shiftId, params Guid[] agentIds)
    {
        using var response = await vendor.AssignAsync(shiftId, agentIds);
        await response.ShouldBe(HttpStatusCode.OK);
    }

    public static async Task<JsonObject> ShiftAsync(this HttpClient client, Guid shiftId, string tenant = "demo") =>
        (await client.GetFromJsonAsync<JsonObject>(ApiRoutes.For(tenant).Shifts.Get(shiftId), Json.Options))!;

    /// <summary>The shift's assignment ids in the order the agents are given.</summary>
    public static async Task<List<Guid>> AssignmentIdsAsync(this HttpClient client, Guid shiftId, IEnumerable<Guid> agentIds)
    {
        var rows = (await client.ShiftAsync(shiftId))["assignments"]!.AsArray();
        return [.. agentIds.Select(agent => rows.Last(a => Guid.Parse((string)a!["agentId"]!) == agent)!.Id())];
    }

    public static async Task<string> StatusOfAsync(this HttpClient client, Guid shiftId, Guid assignmentId) =>
        (string)(await client.ShiftAsync(shiftId))["assignments"]!.AsArray().Single(a => a!.Id() == assignmentId)!["status"]!;

    public static Task<HttpResponseMessage> DecideAsync(this HttpClient vendor, params object[] decisions) =>
        vendor.SendAsync(ApiRoutes.Demo.Shifts.Confirm, decisions);

    public static Task<HttpResponseMessage> AttendAsync(this HttpClient vendor, params object[] records) =>
        vendor.SendAsync(ApiRoutes.Demo.Shifts.RecordAttendance, records);

    public static object Confirm(Guid assignmentId) => new { assignmentId, decision = "confirm" };

    public static object Decline(Guid assignmentId, string reason) => new { assignmentId, decision = "decline", reason };

    public static object Attended(Guid assignmentId, bool attended) => new { assignmentId, attended };

    public static async Task<List<Guid>> AgentsAsync(this HttpClient vendor, int count, string skill = "PRESALES")
    {
        var ids = new List<Guid>();
        for (var i = 0; i < count; i++) ids.Add(await vendor.NewAgentAsync($"班次 Agent {i}", "active", skill));
        return ids;
    }

    /// <summary>An agent of the caller's vendor in any tenant, with a weekly-hours limit if given.</summary>
    public static async Task<Guid> NewAgentInAsync(this HttpClient vendor, string tenant, string skill, int? maxWeeklyHours = null, string status = "active")
    {
        using var response = await vendor.SendAsync(ApiRoutes.For(tenant).Agents.Create, new
        {
            externalRef = ReserveAgents.NewRef("S"), displayName = "Shift Agent", status, skills = new[] { skill }, languages = new[] { "en" },
            maxWeeklyHours,
        });
        await response.ShouldBe(HttpStatusCode.Created);
        return (await response.ReadObjectAsync()).Id();
    }

    /// <summary>The error messages of a problem, by field.</summary>
    public static Dictionary<string, string> Errors(this JsonObject problem) => problem["errors"] switch
    {
        JsonArray list => list.GroupBy(e => (string?)e?["name"] ?? "").ToDictionary(g => g.Key, g => string.Join(" | ", g.Select(e => (string?)e?["reason"] ?? ""))),
        JsonObject map => map.ToDictionary(p => p.Key, p => p.Value is JsonArray a ? string.Join(" | ", a.Select(x => (string?)x)) : p.Value?.ToString() ?? ""),
        _ => [],
    };
}
