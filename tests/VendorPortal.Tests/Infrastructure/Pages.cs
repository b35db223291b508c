namespace VendorPortal.Tests.Infrastructure;

/// <summary>
/// The portal's page paths, each written once (shared with the browser tests): <c>Pages.Demo.Vendor(vendorId)</c>.
/// A page handler or filter is a query on the path: <c>$"{Pages.Demo.Statements}?handler=Pdf&amp;id={id}"</c>.
/// <c>ApiClientTests</c> holds every path here against the app's pages.
/// </summary>
public static class Pages
{
    public static TenantPages For(object? tenant) => new($"/t/{tenant}");

    public static TenantPages Demo => For("demo");
    public static TenantPages Sandbox => For("sandbox");

    public const string Login = "/account/login";
    public const string Denied = "/account/denied";
    public const string ForgotPassword = "/account/forgot-password";
    public const string ResetPassword = "/account/reset-password";
    public const string AcceptInvitation = "/invitations/accept";
    public const string NotificationPreferences = "/account/notifications";
    public static string Unsubscribe(object? token) => $"/unsubscribe/{token}";
}

public sealed class TenantPages(string root)
{
    /// <summary>The tenant's dashboard.</summary>
    public string Home => root;

    public string Vendors => $"{root}/vendors";
    public string NewVendor => $"{Vendors}/new";
    public string Vendor(object? vendorId) => $"{Vendors}/{vendorId}";

    public string Agents => $"{root}/agents";
    public string NewAgent => $"{Agents}/new";
    public string ImportAgents => $"{Agents}/import";
    public string Agent(object? agentId) => $"{Agents}/{agentId}";

    public string Pool => $"{root}/pool";
    public string Skills => $"{root}/skills";

    public string Training => $"{root}/training";
    public string NewTraining => $"{Training}/new";
    public string TrainingSession(object? id) => $"{Training}/{id}";

    public string Events => $"{root}/events";
    public string Event(object? eventId) => $"{Events}/{eventId}";
    public string Fill(object? eventId) => $"{Event(eventId)}/fill";
    public string Plan(object? eventId) => $"{Event(eventId)}/plan";

    public string Requests => $"{root}/requests";
    public string NewRequest => $"{Requests}/new";
    public string Request(object? requestId) => $"{Requests}/{requestId}";

    public string Shifts => $"{root}/shifts";
    public string Shift(object? shiftId) => $"{Shifts}/{shiftId}";

    public string Readiness => $"{root}/readiness";
    public string Staffing => $"{root}/staffing";
    public string Alerts => $"{root}/alerts";
    public string Statements => $"{root}/statements";
    public string RateCards => $"{root}/rate-cards";
    public string Scorecards => $"{root}/scorecards";
    public string Users => $"{root}/users";
    public string ApiKeys => $"{root}/api-keys";
    public string Webhooks => $"{root}/webhooks";
    public string Webhook(object? id) => $"{root}/webhooks/{id}";
    public string Audit => $"{root}/audit";
    public string Settings => $"{root}/settings";
}
