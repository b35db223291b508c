using System.Text.RegularExpressions;

namespace VendorPortal.Tests.Data;

/// <summary>
/// Switching off the tenant filter is allowed only in reviewed platform code. This test keeps the list of those
/// places: a new use fails until someone reviews it and adds the file here.
/// </summary>
public sealed partial class QueryFilterBypassTests
{
    private static readonly string[] ReviewedFiles =
    [
        "src/VendorPortal.Web/Features/ApiKeys/ApiKeyAuthentication.cs",
        "src/VendorPortal.Web/Features/Identity/Api/Me.cs",
        "src/VendorPortal.Web/Features/Notifications/Notifier.cs",
        "src/VendorPortal.Web/Features/Users/SendInvitationEmails.cs",
        // Raising an event reads every endpoint of the tenant (the vendor filter off), since a vendor user's change reaches the tenant's own.
        "src/VendorPortal.Web/Features/Webhooks/WebhookOutbox.cs",
        // The recurring sweep finds due deliveries across tenants; each send enters its own tenant's scope.
        "src/VendorPortal.Web/Features/Webhooks/SendWebhook.cs",
        "src/VendorPortal.Web/Hosting/Tenancy.cs",
        "src/VendorPortal.Web/Shared/UserMemberships.cs",
    ];

    private static IReadOnlyList<(string File, string Text)> Sources() =>
    [
        .. Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "src"), "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(f => (f, File.ReadAllText(Path.Combine(RepositoryRoot.Path, f)))),
    ];

    [Fact]
    public void Only_reviewed_files_bypass_query_filters()
    {
        var sources = Sources();
        Assert.Contains(sources, s => s.File.EndsWith("/AppDbContext.cs", StringComparison.Ordinal));
        var bypassing = sources.Where(s => s.Text.Contains("IgnoreQueryFilters", StringComparison.Ordinal)).Select(s => s.File).ToList();

        var problems = bypassing.Except(ReviewedFiles)
            .Select(f => $"{f} calls IgnoreQueryFilters. Review it: only platform-operator code that must read across tenants may, " +
                "and it must name the filters it switches off. If it is right, add it to ReviewedFiles in Data/QueryFilterBypassTests.cs.")
            .Concat(ReviewedFiles.Except(bypassing).Select(f => $"{f} no longer calls IgnoreQueryFilters: remove it from ReviewedFiles."))
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Nobody_switches_off_every_query_filter_at_once()
    {
        var offenders = Sources().Where(s => AllFilters().IsMatch(s.Text)).Select(s => s.File).ToList();
        Assert.True(offenders.Count == 0,
            "IgnoreQueryFilters() with no arguments switches off the tenant and vendor filters together; name the filter instead " +
            "(IgnoreQueryFilters([AppDbContext.TenantFilter])): " + string.Join(", ", offenders));
    }

    [GeneratedRegex(@"IgnoreQueryFilters\s*\(\s*\)")]
    private static partial Regex AllFilters();
}
