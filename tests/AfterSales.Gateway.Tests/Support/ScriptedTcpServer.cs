using System.Net;
using System.Net.Sockets;
using System.Text;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>A loopback TCP server that plays one script per connection: for answers no well-behaved simulator gives.</summary>
internal sealed class ScriptedTcpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _loop;

    public ScriptedTcpServer(Func<NetworkStream, Task> script)
    {
        _listener.Start();
        _loop = Task.Run(async () =>
        {
            while (true)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync();
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
                {
                    return;
                }

                _ = Task.Run(async () =>
                {
                    using (client)
                    {
                        try
                        {
                            await script(client.GetStream());
                        }
                        catch (Exception ex) when (ex is IOException or SocketException)
                        {
                            // The probe hung up first; fine.
                        }
                    }
                });
            }
        });
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Reads up to the blank line that ends a request head.</summary>
    public static async Task<string> ReadHeadAsync(NetworkStream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) > 0)
        {
            text.Append((char)buffer[0]);
        }

        return text.ToString();
    }

    public static Task WriteAsync(NetworkStream stream, string text) => stream.WriteAsync(Encoding.Latin1.GetBytes(text)).AsTask();

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        await _loop;
    }
}
