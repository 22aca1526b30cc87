using System.Net;
using System.Net.Sockets;

namespace Blog.Tests.Infrastructure;

/// <summary>
/// A TCP hop between the API and its database server that a test can cut and mend, as a network cut or a server
/// restart would, without stopping the server the other tests share.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _running = new();

    public TcpProxy(string targetHost, int targetPort)
    {
        _target = new IPEndPoint(IPAddress.Parse(targetHost), targetPort);
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public int Port { get; }

    public void Start()
    {
        _running = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, Port);
        _listener.Start();
        _ = AcceptAsync(_listener, _running.Token);
    }

    /// <summary>Refuses new connections and cuts the open ones.</summary>
    public void Stop()
    {
        _running.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                client.Close();
            }

            _open.Clear();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var outbound = new TcpClient();
            try
            {
                await outbound.ConnectAsync(_target, stopping);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException)
            {
                inbound.Close();
                outbound.Close();
                continue;
            }

            lock (_open)
            {
                _open.Add(inbound);
                _open.Add(outbound);
            }

            _ = PumpAsync(inbound, outbound, stopping);
            _ = PumpAsync(outbound, inbound, stopping);
        }
    }

    private static async Task PumpAsync(TcpClient from, TcpClient to, CancellationToken stopping)
    {
        try
        {
            await from.GetStream().CopyToAsync(to.GetStream(), stopping);
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            // the other side or Stop closed the connection
        }
        finally
        {
            from.Close();
            to.Close();
        }
    }
}
