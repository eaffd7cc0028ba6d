using System.Net;
using System.Net.Sockets;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>
/// A listening socket that can be closed and opened again on the same port, so a simulated device can
/// refuse connections for a while and come back at the same address. Each connection runs the handler.
/// </summary>
internal sealed class SimulatedTcpServer(IPAddress address, int port, Func<NetworkStream, CancellationToken, Task> handle) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly CancellationTokenSource _disposed = new();
    private Socket? _listener;
    private Task _acceptLoop = Task.CompletedTask;

    public int Port { get; private set; } = port;

    public void Open()
    {
        lock (_lock)
        {
            if (_listener is not null)
            {
                return;
            }

            var listener = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(address, Port));
            listener.Listen(16);
            Port = ((IPEndPoint)listener.LocalEndPoint!).Port;
            _listener = listener;
            _acceptLoop = AcceptAsync(listener);
        }
    }

    public void Close()
    {
        lock (_lock)
        {
            _listener?.Dispose();
            _listener = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        Close();
        await _disposed.CancelAsync();
        await _acceptLoop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _disposed.Dispose();
    }

    private async Task AcceptAsync(Socket listener)
    {
        while (true)
        {
            Socket connection;
            try
            {
                connection = await listener.AcceptAsync(_disposed.Token);
            }
            catch (Exception ex) when (ex is ObjectDisposedException or SocketException or OperationCanceledException)
            {
                return;
            }

            _ = ServeAsync(connection);
        }
    }

    private async Task ServeAsync(Socket connection)
    {
        using var stream = new NetworkStream(connection, ownsSocket: true);
        try
        {
            await handle(stream, _disposed.Token);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The client went away or the simulator is stopping; either way this connection is done.
        }
    }
}
