namespace VendorPortal.Web.Features.Webhooks;

/// <summary>The rules of webhook endpoints. Texts in Resources/RuleMessages*.resx.</summary>
public static class WebhookRules
{
    public static RuleError NotAUrl => new("webhook.not_a_url");
    public static RuleError HttpsOnly => new("webhook.https_only");
    public static RuleError PortNotAllowed(int port, string allowed) => new("webhook.port_not_allowed", port, allowed);
    public static RuleError HostUnknown(string host) => new("webhook.host_unknown", host);
    /// <summary>The host is or resolves to a non-public address of the given kind (one of the rules below).</summary>
    public static RuleError PrivateAddress(string host, RuleError kind) => new("webhook.private_address", host, kind);
    public static RuleError Unspecified => new("webhook.address.unspecified");
    public static RuleError Loopback => new("webhook.address.loopback");
    public static RuleError Private => new("webhook.address.private");
    public static RuleError LinkLocal => new("webhook.address.link_local");
    public static RuleError UniqueLocal => new("webhook.address.unique_local");
    public static RuleError CloudMetadata => new("webhook.address.cloud_metadata");
    public static RuleError Multicast => new("webhook.address.multicast");
    public static RuleError UnknownEventType(string type) => new("webhook.unknown_event_type", type);
    public static RuleError Disabled => new("webhook.disabled");
}
