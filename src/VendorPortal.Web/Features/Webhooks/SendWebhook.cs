using System.Net;
using System.Net.Sockets;
using System.Text;
using Hangfire;
using StandardWebhooks;
using VendorPortal.Web.Features.Notifications;

namespace VendorPortal.Web.Features.Webhooks;

/// <summary>
/// The one HTTP client of deliveries: redirects are not followed, and every connection is checked where it is made, so
/// a host whose DNS answer turned private after the endpoint was saved is still refused.
/// </summary>
public sealed class WebhookHttp : IDisposable
{
    public WebhookHttp(WebhookAddress address) =>
        Client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = async (context, ct) =>
            {
                var host = context.DnsEndPoint.Host;
                var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, ct);
                foreach (var a in addresses)
                    if (address.Refusal(a) is { } why)
                        throw new HttpRequestException($"{host} resolves to {a}, a {why.Text(RuleError.English)} address; not connecting.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        })
        { Timeout = Timeout.InfiniteTimeSpan };

    public HttpClient Client { get; }

    public void Dispose() => Client.Dispose();
}

/// <summary>
/// Sends one delivery: claims the row (so two nodes or a job run twice send it once), signs it per Standard Webhooks,
/// records the answer and schedules the next attempt, or disables the endpoint and tells its managers.
/// Runs in its own queue, so a slow receiver never holds the workers of the other jobs.
/// </summary>
public sealed class SendWebhook(TenantJobScope tenantScope, AppDbContext db, WebhookHttp http, WebhookOptions options,
    Notifier notifier, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Queue = "webhooks";
    public const int KeptAnswer = 1024;

    [Queue(Queue)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(Guid tenantId, Guid deliveryId, CancellationToken ct)
    {
        if (!await tenantScope.EnterAsync(tenantId, "webhooks", ct)) return;
        var now = clock.GetUtcNow();
        // Held past the attempt's timeout; a node that dies mid-send frees the row for the sweep after that.
        var until = now + options.Timeout + TimeSpan.FromMinutes(1);
        var claimed = await db.WebhookDeliveries
            .Where(d => d.Id == deliveryId && d.NextAttemptAt != null && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.ClaimedUntil, until), ct);
        if (claimed == 0)
        {
            // Hangfire keeps schedule times to the second, so a retry can wake a little before its time: it waits for it.
            var due = await db.WebhookDeliveries.Where(d => d.Id == deliveryId && d.ClaimedUntil == null).Select(d => d.NextAttemptAt).SingleOrDefaultAsync(ct);
            if (due > now) jobs.Schedule<SendWebhook>(Queue, j => j.RunAsync(tenantId, deliveryId, CancellationToken.None), due.Value - now);
            return;
        }

        var delivery = await db.WebhookDeliveries.AsNoTracking().SingleAsync(d => d.Id == deliveryId, ct);
        var endpoint = await db.WebhookEndpoints.SingleAsync(e => e.Id == delivery.EndpointId, ct);
        if (!endpoint.Enabled)
        {
            await RecordAsync(deliveryId, delivery.Attempts, null, "The endpoint is disabled.", null, null, CancellationToken.None);
            return;
        }

        var (status, answer) = await PostAsync(endpoint, delivery);
        var attempts = delivery.Attempts + 1;
        var at = clock.GetUtcNow();
        if (status is >= 200 and < 300)
        {
            await RecordAsync(deliveryId, attempts, status, answer, at, null, CancellationToken.None);
            return;
        }
        if (status == StatusCodes.Status410Gone)
        {
            await RecordAsync(deliveryId, attempts, status, answer, null, null, CancellationToken.None);
            await DisableAsync(endpoint, "The receiver answered 410 Gone.", at);
            return;
        }
        if (attempts > options.RetryDelays.Count)
        {
            await RecordAsync(deliveryId, attempts, status, answer, null, null, CancellationToken.None);
            await DisableAsync(endpoint, $"Every attempt of the retry schedule failed ({attempts} attempts; last: {(status is null ? answer : status.ToString())}).", at);
            return;
        }
        var delay = options.RetryDelays[attempts - 1];
        await RecordAsync(deliveryId, attempts, status, answer, null, at + delay, CancellationToken.None);
        jobs.Schedule<SendWebhook>(Queue, j => j.RunAsync(tenantId, deliveryId, CancellationToken.None), delay);
    }

    /// <summary>One signed POST; the status code and the start of the answer, or no status and why none came.</summary>
    private async Task<(int? Status, string Answer)> PostAsync(WebhookEndpoint endpoint, WebhookDelivery delivery)
    {
        var timestamp = clock.GetUtcNow();
        using var request = new HttpRequestMessage(HttpMethod.Post, endpoint.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("webhook-id", delivery.MessageId);
        request.Headers.Add("webhook-timestamp", timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", new StandardWebhook(endpoint.Secret).Sign(delivery.MessageId, timestamp, delivery.Payload));
        using var timeout = new CancellationTokenSource(options.Timeout, clock);
        try
        {
            using var response = await http.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return ((int)response.StatusCode, await StartOfAsync(response, timeout.Token));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return (null, $"No answer within {options.Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            return (null, e.GetBaseException().Message);
        }
    }

    private static async Task<string> StartOfAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var buffer = new byte[KeptAnswer];
        var read = 0;
        try
        {
            await using var stream = await response.Content.ReadAsStreamAsync(ct);
            int n;
            while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), ct)) > 0) read += n;
        }
        catch (Exception e) when (e is IOException or HttpRequestException or OperationCanceledException)
        {
            // The status is what counts; an answer cut short keeps what arrived.
        }
        return Encoding.UTF8.GetString(buffer, 0, read);
    }

    private Task RecordAsync(Guid id, int attempts, int? status, string answer, DateTimeOffset? deliveredAt, DateTimeOffset? next, CancellationToken ct)
    {
        var at = clock.GetUtcNow();
        var kept = answer.Length > KeptAnswer ? answer[..KeptAnswer] : answer;
        return db.WebhookDeliveries.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.Attempts, attempts)
            .SetProperty(d => d.LastAttemptAt, at)
            .SetProperty(d => d.LastStatusCode, status)
            .SetProperty(d => d.LastResponse, kept)
            .SetProperty(d => d.DeliveredAt, deliveredAt)
            .SetProperty(d => d.NextAttemptAt, next)
            .SetProperty(d => d.ClaimedUntil, (DateTimeOffset?)null), ct);
    }

    private async Task DisableAsync(WebhookEndpoint endpoint, string reason, DateTimeOffset at)
    {
        if (!endpoint.Enabled) return;
        endpoint.Disable(reason, at);
        await notifier.WebhookDisabledAsync(endpoint, CancellationToken.None);
        await db.SaveChangesAsync(CancellationToken.None);
        notifier.Dispatch(endpoint.TenantId);
    }
}

/// <summary>Recurring safety net: queues a send for every due delivery a lost job (or a restart) left behind.</summary>
public sealed class DispatchWebhooks(AppDbContext db, IBackgroundJobClient jobs, TimeProvider clock)
{
    public const string Id = "webhooks:dispatch";

    public async Task RunAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Platform code: finds the due rows of every tenant; each send then runs inside its own tenant scope.
        var due = await db.WebhookDeliveries.IgnoreQueryFilters([AppDbContext.TenantFilter])
            .Where(d => d.NextAttemptAt != null && d.NextAttemptAt <= now && (d.ClaimedUntil == null || d.ClaimedUntil < now))
            .OrderBy(d => d.NextAttemptAt).Select(d => new { d.TenantId, d.Id }).Take(5000).ToListAsync(ct);
        foreach (var d in due)
            jobs.Enqueue<SendWebhook>(SendWebhook.Queue, j => j.RunAsync(d.TenantId, d.Id, CancellationToken.None));
    }
}
