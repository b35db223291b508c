using System.Globalization;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using StandardWebhooks;

namespace VendorPortal.Tests.Webhooks;

/// <summary>One delivery as the receiver got it.</summary>
public sealed record Received(string Path, string Body, HeaderDictionary Headers)
{
    public string MessageId => Headers["webhook-id"].ToString();

    public JsonObject Json => JsonNode.Parse(Body)!.AsObject();

    /// <summary>True when the library's verifier accepts the delivery under this secret.</summary>
    public bool VerifiesWith(string secret)
    {
        try
        {
            new StandardWebhook(secret).Verify(Body, Headers);
            return true;
        }
        catch (Exception e) when (e is StandardWebhooks.Diagnostics.WebhookVerificationException or FormatException)
        {
            return false;
        }
    }
}

/// <summary>
/// A receiver on loopback (Kestrel) and an app allowed to reach it: each path answers the statuses a test scripts
/// (then 200), or never answers ("/hang..."). The app's clock starts at the machine's time, because the verifier
/// compares webhook-timestamp with the machine's clock; retries wait one second.
/// </summary>
public sealed class WebhookReceiver : IAsyncLifetime
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<int>> scripts = new();
    private WebApplication? receiver;

    public ConcurrentQueue<Received> All { get; } = new();

    public AppFactory App { get; private set; } = null!;

    public int Port { get; private set; }

    public string Url(string path) => $"http://127.0.0.1:{Port}/{path}";

    public void Script(string path, params int[] statuses) => scripts[path] = new ConcurrentQueue<int>(statuses);

    public IReadOnlyList<Received> At(string path) => [.. All.Where(r => r.Path == path)];

    public async Task<IReadOnlyList<Received>> WaitForAsync(string path, int count, TimeSpan? timeout = null)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (At(path).Count < count)
        {
            // Generous, because the wait ends as soon as the deliveries are in: a busy machine can be slow to run retries.
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(90)))
                Assert.Fail($"{path} received {At(path).Count} of {count} deliveries in {clock.Elapsed.TotalSeconds:0} s.");
            await Task.Delay(50);
        }
        return At(path);
    }

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        receiver = builder.Build();
        receiver.Run(async context =>
        {
            var path = context.Request.Path.Value!.TrimStart('/');
            var body = await new StreamReader(context.Request.Body).ReadToEndAsync();
            var headers = new HeaderDictionary();
            foreach (var (k, v) in context.Request.Headers) headers[k] = v;
            All.Enqueue(new Received(path, body, headers));
            if (path.StartsWith("hang", StringComparison.Ordinal))
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { });
                return;
            }
            context.Response.StatusCode = scripts.TryGetValue(path, out var script) && script.TryDequeue(out var status) ? status : 200;
            await context.Response.WriteAsync(new string('x', 3000));
        });
        await receiver.StartAsync();
        Port = new Uri(receiver.Urls.First()).Port;
        var start = DateTimeOffset.UtcNow;
        App = AppFactory.With(new Dictionary<string, string?>
        {
            ["Webhooks:AllowPrivateNetworks"] = "true",
            ["Webhooks:AllowedPorts:0"] = Port.ToString(CultureInfo.InvariantCulture),
            ["Webhooks:RetryDelays:0"] = "00:00:01",
            ["Webhooks:RetryDelays:1"] = "00:00:01",
            ["Webhooks:RetryDelays:2"] = "00:00:01",
            ["Webhooks:Timeout"] = "00:00:03",
        }, services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(new PinnedClock(start));
        });
        await ((IAsyncLifetime)App).InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        if (receiver is not null) await receiver.DisposeAsync();
    }
}
