using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using System.Globalization;
using System.Text;
using MimeKit;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a free loopback port, speaking just enough of RFC 5321 (EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP,
/// QUIT) for the app's MailKit client to hand it messages, which it keeps as parsed MIME messages.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly ConcurrentQueue<(IReadOnlyList<string> To, MimeMessage Message)> received = new();
    private readonly Task accepting;

    public SmtpSink()
    {
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The messages whose envelope named the address, in the order they arrived.</summary>
    public IReadOnlyList<MimeMessage> To(string address) =>
        [.. received.Where(r => r.To.Contains(address, StringComparer.OrdinalIgnoreCase)).Select(r => r.Message)];

    public async Task<MimeMessage> WaitForAsync(string address, Func<MimeMessage, bool> where, TimeSpan? timeout = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (To(address).FirstOrDefault(where) is { } found) return found;
            if (clock.Elapsed > (timeout ?? TimeSpan.FromSeconds(20)))
                throw new TimeoutException($"No such mail to {address} reached the SMTP server within {clock.Elapsed.TotalSeconds:0} s; it has {To(address).Count} to that address.");
            await Task.Delay(100);
        }
    }

    private async Task AcceptAsync()
    {
        var sessions = new List<Task>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stop.Token);
                sessions.Add(ServeAsync(client));
            }
        }
        catch (OperationCanceledException)
        {
        }
        await Task.WhenAll(sessions);
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        limit.CancelAfter(TimeSpan.FromMinutes(1));
        try
        {
            var stream = client.GetStream();
            // Latin-1 maps every byte to one char and back, so the message's bytes arrive unchanged whatever they encode.
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
            await writer.WriteLineAsync("220 localhost test SMTP");
            var to = new List<string>();
            while (await reader.ReadLineAsync(limit.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        await writer.WriteLineAsync("250-localhost");
                        await writer.WriteLineAsync("250 8BITMIME");
                        break;
                    case "HELO" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "MAIL" or "RSET":
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(line[(line.IndexOf('<') + 1)..line.IndexOf('>')]);
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(limit.Token) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        using (var message = new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())))
                            received.Enqueue(([.. to], await MimeMessage.LoadAsync(message, limit.Token)));
                        await writer.WriteLineAsync("250 OK queued");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or SocketException)
        {
            // The client went away or the test ended: nothing more to receive on this connection.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        stop.Dispose();
    }
}

/// <summary>The app sending its e-mail over SMTP to a <see cref="SmtpSink"/>, as in production.</summary>
public sealed class SmtpApp : IAsyncLifetime
{
    public SmtpSink Sink { get; } = new();

    public AppFactory App { get; }

    public SmtpApp() => App = AppFactory.WithSettings(new Dictionary<string, string?>
    {
        ["Mail:Mode"] = "Smtp",
        ["Mail:SmtpHost"] = "127.0.0.1",
        ["Mail:SmtpPort"] = Sink.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail:SmtpStartTls"] = "false",
        ["Mail:PublicBaseUrl"] = "http://portal.test",
    });

    public Task InitializeAsync() => ((IAsyncLifetime)App).InitializeAsync();

    public async Task DisposeAsync()
    {
        await ((IAsyncLifetime)App).DisposeAsync();
        await Sink.DisposeAsync();
    }
}
