using System.Text.RegularExpressions;

namespace VendorPortal.Tests.Hosting;

/// <summary>
/// One clock: the app reads time only from the injected TimeProvider, and tests take their dates from the app's
/// clock. This keeps the list of places that read the machine's clock empty, but for the one registration.
/// </summary>
public sealed partial class OneClockTests
{
    /// <summary>The only places allowed to name the machine's clock, each with the reason (spelled so this file does not match).</summary>
    private static readonly (string File, string Read, string Reason)[] Allowed =
    [
        ("src/VendorPortal.Web/Hosting/Composition.cs", "TimeProvider" + ".System",
            "the one registration of the app's clock; everything else is handed the TimeProvider (tests replace it)"),
        ("tests/VendorPortal.Tests/Identity/ClockYearTests.cs", "DateTimeOffset" + ".UtcNow",
            "issue 11 asks for the lifetimes to be proven with the app's clock a year before and a year after the machine's real date"),
        ("tests/VendorPortal.Tests/Webhooks/WebhookReceiver.cs", "DateTimeOffset" + ".UtcNow",
            "the Standard Webhooks verifier compares webhook-timestamp with the machine's clock, so the receiving test's app clock starts there"),
    ];

    private static IEnumerable<string> Files(string folder, params string[] patterns) =>
        patterns.SelectMany(p => Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, folder), p, SearchOption.AllDirectories))
            .Select(f => Path.GetRelativePath(RepositoryRoot.Path, f).Replace('\\', '/'))
            .Where(f => !f.Contains("/bin/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal)
                && !f.Contains("/wwwroot/lib/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    private static List<(string File, int Line, string Read, string Text)> MachineClockReads()
    {
        var found = new List<(string, int, string, string)>();
        foreach (var file in Files("src", "*.cs", "*.cshtml", "*.js").Concat(Files("tests", "*.cs")))
        {
            var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, file));
            var read = file.EndsWith(".js", StringComparison.Ordinal) ? ScriptClock() : DotNetClock();
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].TrimStart().StartsWith("//", StringComparison.Ordinal)) continue;
                foreach (Match m in read.Matches(lines[i]))
                    found.Add((file, i + 1, WhitespaceInside().Replace(m.Value, ""), lines[i].Trim()));
            }
        }
        return found;
    }

    [Fact]
    public void Nothing_reads_the_machines_clock_but_the_one_registration()
    {
        var reads = MachineClockReads();
        var problems = reads
            .Where(r => !Allowed.Any(a => a.File == r.File && a.Read == r.Read))
            .Select(r => $"{r.File}:{r.Line}: {r.Text}")
            .ToList();
        Assert.True(problems.Count == 0,
            "These read the machine's clock. The app takes time from the injected TimeProvider, a test from its app " +
            "(app.Now, app.Today(zone)) and a polling timeout from a Stopwatch; a time-limited data protector reads the " +
            "machine's clock too, so keep a lifetime in a row checked against the TimeProvider instead:\n" + string.Join("\n", problems));

        foreach (var (file, read, reason) in Allowed)
            Assert.True(reads.Count(r => r.File == file && r.Read == read) == 1,
                $"{file} should name {read} exactly once ({reason}); it does {reads.Count(r => r.File == file && r.Read == read)} times.");
    }

    [Fact]
    public void The_scan_sees_the_sources_and_would_catch_a_read()
    {
        Assert.Contains(Files("src", "*.cs"), f => f.EndsWith("/Hosting/Composition.cs", StringComparison.Ordinal));
        Assert.Contains(Files("tests", "*.cs"), f => f.EndsWith("/Infrastructure/AppFactory.cs", StringComparison.Ordinal));
        // The patterns are spelled here so that this file does not match them itself.
        string[] reads = ["DateTime" + ".UtcNow", "System.DateTimeOffset" + " . Now", "DateTime" + ".Today", "TimeProvider" + ".System",
            "protector.ToTimeLimited" + "DataProtector()"];
        Assert.All(reads, r => Assert.Matches(DotNetClock(), r));
        Assert.DoesNotMatch(DotNetClock(), "public DateTimeOffset Now { get; }");
        Assert.Matches(ScriptClock(), "var today = new Date" + "();");
        Assert.DoesNotMatch(ScriptClock(), "var d = new Date(ms);");
    }

    [GeneratedRegex(@"\bDateTime(Offset)?\s*\.\s*(Now|UtcNow|Today)\b|\bTimeProvider\s*\.\s*System\b|\bToTimeLimited(DataProtector)\b")]
    private static partial Regex DotNetClock();

    [GeneratedRegex(@"\bnew\s+Date\s*\(\s*\)|\bDate\s*\.\s*now\s*\(")]
    private static partial Regex ScriptClock();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhitespaceInside();
}
