using System.Text.RegularExpressions;

namespace VendorPortal.Tests.Hosting;

/// <summary>
/// Pages and endpoints are siblings: both call the capability's operations and list queries, and what both need (rows,
/// filters, request shapes) lives in the capability folder. A page that reaches into an <c>Api</c> namespace couples the
/// portal to the API's wire types, so this scan keeps them apart.
/// </summary>
public sealed partial class PagesUseNoApiTypesTests
{
    private const string Web = "src/VendorPortal.Web";

    /// <summary>Page models and views: every .cs under a Pages folder, and every Razor file (views, partials, imports).</summary>
    private static IEnumerable<string> PortalFiles() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, Web), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal))
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal)
                || (f.EndsWith(".cs", StringComparison.Ordinal) && f.Contains("/Pages/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    private static IEnumerable<string> ApiUses(IEnumerable<string> lines) =>
        lines.Select((text, i) => (text, line: i + 1))
            .Where(l => !l.text.TrimStart().StartsWith("//", StringComparison.Ordinal) && ApiNamespace().IsMatch(l.text))
            .Select(l => $"{l.line}: {l.text.Trim()}");

    [Fact]
    public void No_page_uses_an_Api_namespace()
    {
        var problems = PortalFiles()
            .SelectMany(f => ApiUses(File.ReadAllLines(Path.Combine(RepositoryRoot.Path, f))).Select(use => $"{f}:{use}"))
            .ToList();
        Assert.True(problems.Count == 0,
            "These pages use a type from an Api namespace. Move what the page and the endpoint share (a row, a filter, " +
            "a request shape and its validator) into the capability folder, beside its <Thing>List or operations:\n" +
            string.Join("\n", problems));
    }

    [Fact]
    public void The_scan_sees_the_pages_and_would_catch_an_Api_use()
    {
        var files = PortalFiles().ToList();
        Assert.Contains($"{Web}/Features/Agents/Pages/Index.cshtml.cs", files);
        Assert.Contains($"{Web}/Features/Agents/Pages/Index.cshtml", files);
        Assert.Contains($"{Web}/_ViewImports.cshtml", files);
        Assert.DoesNotContain(files, f => f.Contains("/Api/", StringComparison.Ordinal));

        string[] uses =
        [
            "using VendorPortal.Web.Features.Shifts" + ".Api;",
            "@using VendorPortal.Web.Features.Staffing" + ".Api",
            "var request = new VendorPortal.Web.Features.Staffing" + ".Api.ErlangCRequest();",
            "var request = new Api" + ".RecordConfirmationsRequest();",
        ];
        Assert.All(uses, use => Assert.Single(ApiUses([use])));
        string[] fine =
        [
            "using VendorPortal.Web.Features.ApiKeys;",
            "<a href=\"/api/t/demo/agents\">",
            "public IndexModel(ApiKeyList keys, ApiKeyOperations operations)",
            "// using VendorPortal.Web.Features.Shifts" + ".Api;",
        ];
        Assert.All(fine, line => Assert.Empty(ApiUses([line])));
    }

    /// <summary>An Api namespace imported, or a name qualified through one (Features.X.Api.Type, or Api.Type from a sibling namespace).</summary>
    [GeneratedRegex(@"\busing\s+[\w.]*\bApi\s*(;|$)|\bApi\.[A-Za-z_]")]
    private static partial Regex ApiNamespace();
}
