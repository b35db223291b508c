using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Npgsql;

namespace VendorPortal.Tests.Nodes;

/// <summary>
/// One real process of the built app (Kestrel on a free loopback port, the project folder as content root) with a data
/// folder of its own, on the database it is given. Its output is kept for failure messages; dispose kills it.
/// </summary>
public sealed class AppNode : IAsyncDisposable
{
    private const int OutputLines = 300;

    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private AppNode(string name, Process process, Uri address, string dataFolder)
    {
        Name = name;
        this.process = process;
        Address = address;
        DataFolder = dataFolder;
    }

    public string Name { get; }
    public Uri Address { get; }
    public string DataFolder { get; }
    public string MailFolder => Path.Combine(DataFolder, "mail");
    public bool HasExited => process.HasExited;

    /// <summary>The built app of this test run's configuration: <c>src/VendorPortal.Web/bin/{Release|Debug}/net10.0</c>.</summary>
    private static string WebProject => Path.Combine(RepositoryRoot.Path, "src", "VendorPortal.Web");

    private static string Dll
    {
        get
        {
            // The test assembly sits in tests/VendorPortal.Tests/bin/{configuration}/{framework}/.
            var framework = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var path = Path.Combine(WebProject, "bin", framework.Parent!.Name, framework.Name, "VendorPortal.Web.dll");
            return File.Exists(path) ? path : throw new FileNotFoundException("Build the solution before running the two-node test.", path);
        }
    }

    /// <summary>Starts the process on the PostgreSQL database and returns at once; <see cref="WaitReadyAsync"/> waits for it to serve.</summary>
    public static AppNode Start(string name, string connectionString)
    {
        var dataFolder = Path.Combine(Path.GetTempPath(), "vp-nodes", $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataFolder);
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Dll },
            WorkingDirectory = WebProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = address.ToString().TrimEnd('/'),
            ["ASPNETCORE_ENVIRONMENT"] = "Testing",
            ["VENDORPORTAL_DATA"] = dataFolder,
            ["Database__Provider"] = "PostgreSql",
            // Named, so a node's connections can be told apart in pg_stat_activity when a test needs looking into.
            ["Database__ConnectionString"] = new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = $"vp-node-{name}" }.ConnectionString,
            ["Database__MigrateOnStartup"] = "true",
            ["Database__SeedDemoData"] = "true",
            ["Mail__Mode"] = "Pickup",
            ["Mail__PublicBaseUrl"] = address.ToString().TrimEnd('/'),
            // As AppFactory: the tests sign in far more often than a person could.
            ["LoginRateLimit__PermitsPerMinute"] = "100000",
            ["LoginRateLimit__FailuresPerAccountAndAddress"] = "100000",
            ["LoginRateLimit__FailuresPerAccount"] = "100000",
        })
            start.Environment[key] = value;

        var process = new Process { StartInfo = start };
        var node = new AppNode(name, process, address, dataFolder);
        process.OutputDataReceived += (_, e) => node.Keep(e.Data);
        process.ErrorDataReceived += (_, e) => node.Keep(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return node;
    }

    /// <summary>Waits until /health/ready answers 200; fails with the node's output if it exits or takes too long.</summary>
    public async Task WaitReadyAsync(TimeSpan? timeout = null)
    {
        using var client = Client();
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"Node {Name} exited with {process.ExitCode} before it was ready.\n{Output}");
            try
            {
                using var ready = await client.GetAsync("/health/ready");
                if (ready.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (clock.Elapsed > (timeout ?? TimeSpan.FromMinutes(2)))
                throw new TimeoutException($"Node {Name} was not ready within {clock.Elapsed.TotalSeconds:0} s.\n{Output}");
            await Task.Delay(250);
        }
    }

    /// <summary>A client for this node's API and pages; redirects are not followed.</summary>
    public HttpClient Client(string? accessToken = null)
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = Address, Timeout = TimeSpan.FromMinutes(2) };
        if (accessToken is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public string Url(string path) => new Uri(Address, path).ToString();

    /// <summary>SIGKILL: no shutdown, no flushing; whatever the process was doing stops where it is.</summary>
    public void Kill()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        process.WaitForExit();
    }

    /// <summary>The last lines the process wrote, for failure messages.</summary>
    public string Output => $"--- output of node {Name} ({Address}) ---\n{string.Join('\n', output)}";

    public ValueTask DisposeAsync()
    {
        Kill();
        process.Dispose();
        try
        {
            Directory.Delete(DataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
        return ValueTask.CompletedTask;
    }

    private void Keep(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > OutputLines) output.TryDequeue(out _);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
