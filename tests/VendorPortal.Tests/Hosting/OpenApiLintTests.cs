using System.Diagnostics;

namespace VendorPortal.Tests.Hosting;

/// <summary>
/// Lints /openapi/v1.json with @redocly/cli's recommended rules (tests/tools/redocly.yaml), the version pinned in
/// tests/tools/package-lock.json and installed there by `npm ci` (scripts/test.sh does that). Any error or warning fails.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiLintTests(AppFactory app)
{
    [AnyDatabaseFact]
    public async Task Document_passes_redocly_recommended_lint_without_errors_or_warnings()
    {
        var tools = Path.Combine(RepositoryRoot.Path, "tests", "tools");
        var redocly = Path.Combine(tools, "node_modules", ".bin", "redocly");
        Assert.True(File.Exists(redocly),
            $"@redocly/cli is not installed: run `npm ci` in {tools} (scripts/test.sh does; it needs node and npm).");

        using var client = app.Anonymous();
        var json = await client.GetStringAsync("/openapi/v1.json");
        var file = Path.Combine(Path.GetTempPath(), $"vendorportal-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, json);
        try
        {
            var start = new ProcessStartInfo(redocly)
            {
                WorkingDirectory = tools,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                Environment = { ["NO_COLOR"] = "1", ["REDOCLY_TELEMETRY"] = "off", ["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true" },
            };
            foreach (var argument in new[] { "lint", file, "--config", Path.Combine(tools, "redocly.yaml"), "--format=stylish", "--max-problems=1000" })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
            var text = await output + await errors;
            Assert.True(process.ExitCode == 0, "redocly lint failed:\n" + text);
            // Warnings do not change redocly's exit code: fail on them too.
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, @"\bwarnings?\b"), "redocly lint warned:\n" + text);
            Assert.Contains("Your API description is valid", text);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
