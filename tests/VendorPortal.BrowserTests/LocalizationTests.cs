using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VendorPortal.Web;

namespace VendorPortal.BrowserTests;

public sealed partial class LocalizationTests
{
    private static readonly string[] MessagesShownOnPages =
    [
        "TenantAdmin", "Planner", "Finance", "VendorManager",
        "You are invited to {0} on VendorPortal",
        "You have been invited to join {0} as {1}. Open this link to accept (valid until {2:yyyy-MM-dd}):",
        "Accept the invitation",
    ];

    [Fact]
    public void Every_text_the_portal_localizes_has_a_Chinese_translation()
    {
        var localizer = Localizer();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            var keys = SourceKeys().Concat(MessagesShownOnPages).Distinct().ToList();
            Assert.True(keys.Count > 150, $"Only {keys.Count} keys found: is the source folder right?");
            var missing = keys.Where(k => localizer[k].ResourceNotFound).ToList();
            Assert.True(missing.Count == 0, "Missing zh-CN translations:\n" + string.Join("\n", missing));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    [Fact]
    public void Chinese_translations_keep_the_placeholders_of_their_English_key()
    {
        var localizer = Localizer();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = new CultureInfo("zh-CN");
        try
        {
            foreach (var text in localizer.GetAllStrings(includeParentCultures: false))
                Assert.Equal(Placeholders(text.Name), Placeholders(text.Value));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static IStringLocalizer Localizer() =>
        new ResourceManagerStringLocalizerFactory(
                Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance)
            .Create(typeof(SharedResource));

    private static IEnumerable<string> SourceKeys()
    {
        var web = Path.Combine(SolutionFolder(), "src", "VendorPortal.Web");
        return Directory.EnumerateFiles(web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cs", StringComparison.Ordinal) || f.EndsWith(".cshtml", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .SelectMany(f => LocalizedLiteral().Matches(File.ReadAllText(f)))
            .Select(m => Regex.Unescape(m.Groups[1].Value));
    }

    private static string SolutionFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "VendorPortal.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("VendorPortal.sln not found above the test output folder.");
    }

    private static List<string> Placeholders(string text) =>
        [.. Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex("""(?<![A-Za-z0-9_])(?:T|text)\["((?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex LocalizedLiteral();

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();
}
