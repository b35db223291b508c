using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Text;

namespace VendorPortal.Tests.Infrastructure;

/// <summary>
/// A loopback TCP forwarder between the app and its database server, for tests of a network that fails: it can
/// refuse connections (each is accepted and closed at once, as a server that is down or restarting), cut every open
/// connection, or cut the one connection that sends a given text (a statement) before the server sees it.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Task accepting;
    private volatile bool refusing;
    private byte[]? cutOn;
    private int cuts;

    public TcpProxy(string targetHost, int targetPort, bool refusing = false)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        this.refusing = refusing;
        listener.Start();
        accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>Connections cut by <see cref="CutConnectionThatSends"/> so far.</summary>
    public int Cuts => Volatile.Read(ref cuts);

    /// <summary>A PostgreSQL connection string that reaches the same database through this proxy.</summary>
    public string Route(string connectionString) =>
        new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { Host = "127.0.0.1", Port = Port }.ConnectionString;

    public void Refuse() => refusing = true;

    public void Accept() => refusing = false;

    public void CutAll()
    {
        foreach (var socket in open.Keys) Close(socket);
    }

    /// <summary>The next connection that sends this text is cut before the text reaches the server (once).</summary>
    public void CutConnectionThatSends(string text) => Volatile.Write(ref cutOn, Encoding.UTF8.GetBytes(text));

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            if (refusing) Close(client);
            else _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(SocketType.Stream, ProtocolType.Tcp);
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(targetHost, targetPort, stop.Token);
            await Task.WhenAny(PumpAsync(client, server, watch: true), PumpAsync(server, client, watch: false));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // A cut or a closed end: both sides are closed below.
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private async Task PumpAsync(Socket from, Socket to, bool watch)
    {
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await from.ReceiveAsync(buffer, SocketFlags.None, stop.Token)) > 0)
        {
            if (watch && Volatile.Read(ref cutOn) is { } text && buffer.AsSpan(0, read).IndexOf(text) >= 0 && Interlocked.CompareExchange(ref cutOn, null, text) == text)
            {
                Interlocked.Increment(ref cuts);
                return;
            }
            await to.SendAsync(buffer.AsMemory(0, read), SocketFlags.None, stop.Token);
        }
    }

    private void Close(Socket socket)
    {
        open.TryRemove(socket, out _);
        try
        {
            // A reset, as a dropped network gives, rather than an orderly goodbye.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException)
        {
        }
        socket.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await accepting;
        CutAll();
        stop.Dispose();
    }
}
