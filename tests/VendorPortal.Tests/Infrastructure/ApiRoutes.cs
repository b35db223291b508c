namespace VendorPortal.Tests.Infrastructure;

/// <summary>One route of the API to call: its method and the path with the values filled in.</summary>
public sealed record ApiRoute(string Method, string Path)
{
    public static ApiRoute Get(string path) => new("GET", path);
    public static ApiRoute Post(string path) => new("POST", path);
    public static ApiRoute Put(string path) => new("PUT", path);
    public static ApiRoute Patch(string path) => new("PATCH", path);
    public static ApiRoute Delete(string path) => new("DELETE", path);

    /// <summary>The route with a query string (none when empty).</summary>
    public ApiRoute Query(string query) => query.Length == 0 ? this : this with { Path = $"{Path}?{query}" };

    public HttpRequestMessage Request(HttpContent? body = null) => new(new HttpMethod(Method), Path) { Content = body };

    public override string ToString() => $"{Method} {Path}";
}

/// <summary>
/// The app's API routes, each template written once, grouped like the app's features:
/// <c>client.SendAsync(ApiRoutes.Demo.Shifts.Cancel(shiftId), new { reason })</c>. Values go into the path as given,
/// so a bad-input test passes the bad value. <c>ApiClientTests</c> holds every route here against the app's endpoints.
/// </summary>
public static class ApiRoutes
{
    public static TenantApi For(object? tenant) => new($"/api/t/{tenant}");

    public static TenantApi Demo => For("demo");
    public static TenantApi Sandbox => For("sandbox");

    public static ApiRoute Me => ApiRoute.Get("/api/me");
    public static ApiRoute NotificationPreferences => ApiRoute.Get("/api/me/notification-preferences");
    public static ApiRoute UpdateNotificationPreferences => ApiRoute.Put("/api/me/notification-preferences");
    public static AuthApi Auth => new("/api/auth");
    public static ApiRoute AcceptInvitation => ApiRoute.Post("/api/invitations/accept");
    public static ApiRoute CreateTenant => ApiRoute.Post("/api/platform/tenants");

    /// <summary>The calendar feed a person subscribes to with the token of their link.</summary>
    public static ApiRoute CalendarFeed(object? token) => ApiRoute.Get($"/api/calendar/{token}.ics");
}

public sealed class AuthApi(string root)
{
    public ApiRoute Login => ApiRoute.Post($"{root}/login");
    public ApiRoute Refresh => ApiRoute.Post($"{root}/refresh");
    public ApiRoute ForgotPassword => ApiRoute.Post($"{root}/forgot-password");
    public ApiRoute ResetPassword => ApiRoute.Post($"{root}/reset-password");
}

public sealed class TenantApi(string root)
{
    public VendorsApi Vendors => new($"{root}/vendors");
    public AgentsApi Agents => new($"{root}/agents");
    public PoolApi Pool => new($"{root}/pool");
    public SkillsApi Skills => new($"{root}/skills");
    public TrainingApi Training => new($"{root}/training-sessions");
    public EventsApi Events => new($"{root}/events");
    public CapacityRequestsApi CapacityRequests => new($"{root}/capacity-requests");
    public ShiftsApi Shifts => new(root);
    public ApiRoute Readiness => ApiRoute.Get($"{root}/readiness");
    public ApiRoute ErlangC => ApiRoute.Get($"{root}/staffing/erlang-c");
    public ApiRoute ErlangA => ApiRoute.Get($"{root}/staffing/erlang-a");
    public AlertsApi Alerts => new($"{root}/alerts");
    public StatementsApi Statements => new($"{root}/statements");
    public RateCardsApi RateCards => new($"{root}/rate-cards");
    public ContactVolumesApi ContactVolumes => new($"{root}/contact-volumes");
    public ApiRoute Scorecards => ApiRoute.Get($"{root}/scorecards");
    public UsersApi Users => new($"{root}/users");
    public InvitationsApi Invitations => new($"{root}/invitations");
    public ApiKeysApi ApiKeys => new($"{root}/api-keys");
    public WebhooksApi Webhooks => new($"{root}/webhooks");
    public AuditApi Audit => new($"{root}/audit");
    public SettingsApi Settings => new($"{root}/settings");
}

public sealed class VendorsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Get(object? vendorId) => ApiRoute.Get(One(vendorId));
    public ApiRoute Update(object? vendorId) => ApiRoute.Put(One(vendorId));
    public ApiRoute Delete(object? vendorId) => ApiRoute.Delete(One(vendorId));
    private string One(object? vendorId) => $"{root}/{vendorId}";
}

public sealed class AgentsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Export => ApiRoute.Get($"{root}/export");
    public ApiRoute Import => ApiRoute.Post($"{root}/import");
    public ApiRoute Get(object? agentId) => ApiRoute.Get(One(agentId));
    public ApiRoute Update(object? agentId) => ApiRoute.Put(One(agentId));
    public ApiRoute Delete(object? agentId) => ApiRoute.Delete(One(agentId));
    private string One(object? agentId) => $"{root}/{agentId}";
}

public sealed class PoolApi(string root)
{
    public ApiRoute Get => ApiRoute.Get(root);
    public ApiRoute SetPlans => ApiRoute.Put($"{root}/plans");
}

public sealed class SkillsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
}

public sealed class TrainingApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Get(object? id) => ApiRoute.Get(One(id));
    public ApiRoute Update(object? id) => ApiRoute.Put(One(id));
    public ApiRoute Cancel(object? id) => ApiRoute.Post($"{One(id)}/cancel");
    public ApiRoute Enroll(object? id) => ApiRoute.Post(Enrollments(id));
    public ApiRoute Withdraw(object? id, object? agentId) => ApiRoute.Delete($"{Enrollments(id)}/{agentId}");
    public ApiRoute RecordResults(object? id) => ApiRoute.Post($"{One(id)}/results");
    private string One(object? id) => $"{root}/{id}";
    private string Enrollments(object? id) => $"{One(id)}/enrollments";
}

public sealed class EventsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Get(object? eventId) => ApiRoute.Get(One(eventId));
    public ApiRoute Update(object? eventId) => ApiRoute.Put(One(eventId));
    public ApiRoute Staffing(object? eventId) => ApiRoute.Get($"{One(eventId)}/staffing");
    public ApiRoute Fill(object? eventId) => ApiRoute.Get($"{One(eventId)}/fill");
    public ApiRoute ReplaceForecast(object? eventId) => ApiRoute.Put(Forecast(eventId));
    public ApiRoute ImportForecast(object? eventId) => ApiRoute.Post($"{Forecast(eventId)}/import");
    public ApiRoute InHouse(object? eventId) => ApiRoute.Get(InHousePath(eventId));
    public ApiRoute ReplaceInHouse(object? eventId) => ApiRoute.Put(InHousePath(eventId));
    public ApiRoute ImportInHouse(object? eventId) => ApiRoute.Post($"{InHousePath(eventId)}/import");
    public ApiRoute InHousePattern(object? eventId) => ApiRoute.Post($"{InHousePath(eventId)}/pattern");
    private string InHousePath(object? eventId) => $"{One(eventId)}/in-house";
    public ApiRoute Plan(object? eventId) => ApiRoute.Post($"{One(eventId)}/plan");
    public ApiRoute SendPlan(object? eventId) => ApiRoute.Post($"{One(eventId)}/plan/send");
    private string One(object? eventId) => $"{root}/{eventId}";
    private string Forecast(object? eventId) => $"{One(eventId)}/forecast";
}

public sealed class CapacityRequestsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Get(object? id) => ApiRoute.Get(One(id));
    public ApiRoute Respond(object? id) => ApiRoute.Post($"{One(id)}/response");
    public ApiRoute Cancel(object? id) => ApiRoute.Post($"{One(id)}/cancel");
    private string One(object? id) => $"{root}/{id}";
}

/// <summary>Shifts, and the confirmations and attendance recorded for them (routes of the tenant's root).</summary>
public sealed class ShiftsApi(string tenantRoot)
{
    private readonly string root = $"{tenantRoot}/shifts";

    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Calendar => ApiRoute.Get($"{root}/calendar.ics");
    public ApiRoute Get(object? shiftId) => ApiRoute.Get(One(shiftId));
    public ApiRoute Assign(object? shiftId) => ApiRoute.Post($"{One(shiftId)}/assignments");
    public ApiRoute Cancel(object? shiftId) => ApiRoute.Post($"{One(shiftId)}/cancel");
    public ApiRoute Move(object? shiftId) => ApiRoute.Patch(One(shiftId));
    public ApiRoute Confirm => ApiRoute.Post($"{tenantRoot}/confirmations");
    public ApiRoute RecordAttendance => ApiRoute.Post($"{tenantRoot}/attendance");
    private string One(object? shiftId) => $"{root}/{shiftId}";
}

public sealed class AlertsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Acknowledge(object? id) => ApiRoute.Post($"{root}/{id}/acknowledge");
    public ApiRoute Evaluate => ApiRoute.Post($"{root}/evaluate");
}

public sealed class StatementsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Generate => ApiRoute.Post(root);
    public ApiRoute Get(object? id) => ApiRoute.Get(One(id));
    public ApiRoute Csv(object? id) => ApiRoute.Get($"{One(id)}/csv");
    public ApiRoute Pdf(object? id) => ApiRoute.Get($"{One(id)}/pdf");
    public ApiRoute Issue(object? id) => ApiRoute.Post($"{One(id)}/issue");
    public ApiRoute Regenerate(object? id) => ApiRoute.Post($"{One(id)}/regenerate");
    public ApiRoute Void(object? id) => ApiRoute.Post($"{One(id)}/void");
    private string One(object? id) => $"{root}/{id}";
}

public sealed class RateCardsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Get(object? id) => ApiRoute.Get($"{root}/{id}");
    public ApiRoute Update(object? id) => ApiRoute.Put($"{root}/{id}");
}

public sealed class ContactVolumesApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Upsert => ApiRoute.Post(root);
    public ApiRoute Import => ApiRoute.Post($"{root}/import");
}

public sealed class UsersApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Change(object? userId) => ApiRoute.Patch($"{root}/{userId}");
    public ApiRoute Remove(object? userId) => ApiRoute.Delete($"{root}/{userId}");
}

public sealed class InvitationsApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
}

public sealed class ApiKeysApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Revoke(object? id) => ApiRoute.Delete($"{root}/{id}");
}

public sealed class WebhooksApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Create => ApiRoute.Post(root);
    public ApiRoute Get(object? id) => ApiRoute.Get($"{root}/{id}");
    public ApiRoute Update(object? id) => ApiRoute.Put($"{root}/{id}");
    public ApiRoute Delete(object? id) => ApiRoute.Delete($"{root}/{id}");
    public ApiRoute RotateSecret(object? id) => ApiRoute.Post($"{root}/{id}/rotate-secret");
    public ApiRoute Test(object? id) => ApiRoute.Post($"{root}/{id}/test");
    public ApiRoute Deliveries(object? id) => ApiRoute.Get($"{root}/{id}/deliveries");
    public ApiRoute Replay(object? id, object? deliveryId) => ApiRoute.Post($"{root}/{id}/deliveries/{deliveryId}/replay");
}

public sealed class AuditApi(string root)
{
    public ApiRoute List => ApiRoute.Get(root);
    public ApiRoute Export => ApiRoute.Get($"{root}/export");
}

public sealed class SettingsApi(string root)
{
    public ApiRoute Get => ApiRoute.Get(root);
    public ApiRoute Update => ApiRoute.Put(root);
}

/// <summary>Calls of an <see cref="ApiRoute"/> on a client, with the route's method.</summary>
public static class ApiRouteCalls
{
    /// <summary>Sends the route; a body is sent as JSON unless it is <see cref="HttpContent"/> already (CSV, forms).</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, ApiRoute route, object? body = null) =>
        client.SendAsync(route.Request(body switch
        {
            null => null,
            HttpContent content => content,
            _ => System.Net.Http.Json.JsonContent.Create(body, body.GetType()),
        }));

    public static Task<T?> GetFromJsonAsync<T>(this HttpClient client, ApiRoute route, System.Text.Json.JsonSerializerOptions? options = null) =>
        System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<T>(client, Read(route), options);

    public static Task<string> GetStringAsync(this HttpClient client, ApiRoute route) => client.GetStringAsync(Read(route));

    public static Task<byte[]> GetByteArrayAsync(this HttpClient client, ApiRoute route) => client.GetByteArrayAsync(Read(route));

    private static string Read(ApiRoute route) =>
        route.Method == "GET" ? route.Path : throw new InvalidOperationException($"{route} is not a read; send it with SendAsync.");
}
