using System.Net;
using System.Net.Sockets;

namespace VendorPortal.Web.Features.Webhooks;

/// <summary>
/// Keeps deliveries away from the app's own network (server-side request forgery): a receiver's URL must be https on
/// an allowed port, and every address its host resolves to must be public. Checked when an endpoint is saved and again
/// when each delivery connects, because a DNS answer can change in between.
/// </summary>
public sealed class WebhookAddress(WebhookOptions options)
{
    /// <summary>Checks the URL's form and resolves its host; the first problem found, or null.</summary>
    public async Task<RuleError?> ProblemAsync(string url, CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.UserInfo.Length > 0)
            return WebhookRules.NotAUrl;
        if (uri.Scheme == "http" && !options.AllowPrivateNetworks) return WebhookRules.HttpsOnly;
        if (!options.AllowedPorts.Contains(uri.Port)) return WebhookRules.PortNotAllowed(uri.Port, string.Join(", ", options.AllowedPorts));
        if (options.AllowPrivateNetworks) return null;
        IPAddress[] addresses;
        try
        {
            // Uri has already read every spelling of an address (decimal, octal, IPv4-mapped IPv6) into its canonical form.
            addresses = uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
                ? [IPAddress.Parse(uri.IdnHost.Trim('[', ']'))]
                : await Dns.GetHostAddressesAsync(uri.IdnHost, ct);
        }
        catch (SocketException)
        {
            return WebhookRules.HostUnknown(uri.Host);
        }
        return addresses.Select(Forbidden).FirstOrDefault(reason => reason is not null) is { } why ? WebhookRules.PrivateAddress(uri.Host, why) : null;
    }

    /// <summary>Why a delivery may not connect to this address, or null when it may.</summary>
    public RuleError? Refusal(IPAddress address) => options.AllowPrivateNetworks ? null : Forbidden(address);

    /// <summary>The kind of non-public address this is, or null for a public one.</summary>
    public static RuleError? Forbidden(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b switch
            {
                [0, ..] => WebhookRules.Unspecified,
                [127, ..] => WebhookRules.Loopback,
                [10, ..] => WebhookRules.Private,
                [172, >= 16 and <= 31, ..] => WebhookRules.Private,
                [192, 168, ..] => WebhookRules.Private,
                [100, >= 64 and <= 127, ..] => WebhookRules.Private,
                [169, 254, 169, 254] => WebhookRules.CloudMetadata,
                [169, 254, ..] => WebhookRules.LinkLocal,
                [>= 224, ..] => WebhookRules.Multicast,
                _ => null,
            };
        }
        if (address.Equals(IPAddress.IPv6Any)) return WebhookRules.Unspecified;
        if (address.Equals(IPAddress.IPv6Loopback)) return WebhookRules.Loopback;
        var v6 = address.GetAddressBytes();
        if (v6 is [0xfd, 0x00, 0x0e, 0xc2, ..]) return WebhookRules.CloudMetadata;
        if (address.IsIPv6LinkLocal) return WebhookRules.LinkLocal;
        if (address.IsIPv6UniqueLocal || address.IsIPv6SiteLocal) return WebhookRules.UniqueLocal;
        if (address.IsIPv6Multicast) return WebhookRules.Multicast;
        // IPv4-compatible (::a.b.c.d) and NAT64 forms carry an IPv4 address inside: judge that one.
        if (v6.Take(12).All(x => x == 0)) return Forbidden(new IPAddress(v6[12..]));
        return null;
    }
}
