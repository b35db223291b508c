using System.Diagnostics;

namespace VendorPortal.Tests.Hosting;

/// <summary>
/// A setting that can never work stops the real app process at once with one line that says which, not a stack
/// trace and not a retry loop (a server that is merely unreachable is waited for instead: DatabaseFaultTests).
/// </summary>
public sealed class StartupSettingsTests
{
    [Theory]
    [InlineData("Oracle", "", "Database:Provider is \"Oracle\", which is not a database VendorPortal runs on. Use Sqlite, PostgreSql or SqlServer.")]
    [InlineData("1", "", "Database:Provider is \"1\", which is not a database VendorPortal runs on. Use Sqlite, PostgreSql or SqlServer.")]
    [InlineData("PostgreSql", "Host=;;;=x", "Database:ConnectionString is not a valid PostgreSql connection string")]
    [InlineData("PostgreSql", "Host=127.0.0.1;Colour=blue", "Database:ConnectionString is not a valid PostgreSql connection string")]
    [InlineData("PostgreSql", "Port=5432;Username=postgres", "Database:ConnectionString names no Host.")]
    [InlineData("SqlServer", "", "Database:ConnectionString is required when Database:Provider is SqlServer.")]
    public async Task A_wrong_provider_or_connection_string_stops_the_start_with_one_clear_line(string provider, string connectionString, string message)
    {
        var data = Path.Combine(Path.GetTempPath(), "vp-tests", Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "VendorPortal.Web.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.Environment["Database__Provider"] = provider;
        start.Environment["Database__ConnectionString"] = connectionString;
        start.Environment["VENDORPORTAL_DATA"] = data;
        // Should the start go wrong and listen after all, then only on a free loopback port.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        using var app = Process.Start(start)!;
        var output = app.StandardOutput.ReadToEndAsync();
        var error = app.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await app.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            app.Kill(entireProcessTree: true);
            Assert.Fail($"The app did not stop on a wrong setting. Output: {await output}");
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
        Assert.Equal(1, app.ExitCode);
        var lines = (await error).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("VendorPortal cannot start: " + message, line);
        Assert.DoesNotContain("Exception", await output + line);
    }
}
