namespace VendorPortal.Web.Features.Webhooks;

/// <summary>The <c>Webhooks</c> settings. Lists given in configuration replace the defaults whole.</summary>
public sealed record WebhookOptions(bool AllowPrivateNetworks, IReadOnlyList<TimeSpan> RetryDelays, IReadOnlyList<int> AllowedPorts, TimeSpan Timeout)
{
    public static readonly IReadOnlyList<TimeSpan> DefaultRetryDelays =
    [
        TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2),
        TimeSpan.FromHours(5), TimeSpan.FromHours(10), TimeSpan.FromHours(10),
    ];

    public static readonly IReadOnlyList<int> DefaultPorts = [80, 443];

    /// <summary>
    /// Reads the section by hand: configuration binding merges a configured list into the default one index by index,
    /// so two configured delays would keep the default's last five.
    /// </summary>
    public static WebhookOptions From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Webhooks");
        var delays = section.GetSection("RetryDelays").GetChildren().Select(c => TimeSpan.Parse(c.Value!, CultureInfo.InvariantCulture)).ToList();
        var ports = section.GetSection("AllowedPorts").GetChildren().Select(c => int.Parse(c.Value!, CultureInfo.InvariantCulture)).ToList();
        return new WebhookOptions(
            section.GetValue<bool>("AllowPrivateNetworks"),
            delays.Count > 0 ? delays : DefaultRetryDelays,
            ports.Count > 0 ? ports : DefaultPorts,
            section.GetValue<TimeSpan?>("Timeout") ?? TimeSpan.FromSeconds(10));
    }
}
