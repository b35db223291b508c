namespace VendorPortal.Web.Features.Webhooks;

/// <summary>The rules of webhook endpoints. Texts in Resources/RuleMessages*.resx.</summary>
public static class WebhookRules
{
    public static RuleError NotAUrl => new("webhook.not_a_url");
    public static RuleError HttpsOnly => new("webhook.https_only");
    public static RuleError PortNotAllowed(int port, string allowed) => new("webhook.port_not_allowed", port, allowed);
    public static RuleError HostUnknown(string host) => new("webhook.host_unknown", host);
    /// <summary>The host is or resolves to a non-public address; the kind (loopback, private, ...) stays English like a code.</summary>
    public static RuleError PrivateAddress(string host, string kind) => new("webhook.private_address", host, kind);
    public static RuleError UnknownEventType(string type) => new("webhook.unknown_event_type", type);
    public static RuleError Disabled => new("webhook.disabled");
}
