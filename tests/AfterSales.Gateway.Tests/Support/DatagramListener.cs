using System.Net.Sockets;
using System.Text;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>A real unix datagram socket standing in for systemd's notify socket or journald's socket.</summary>
internal sealed class DatagramListener : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);

    public DatagramListener()
    {
        Path = _directory.File("notify.sock");
        _socket.Bind(new UnixDomainSocketEndPoint(Path));
    }

    public string Path { get; }

    /// <summary>Datagrams already delivered: a unix datagram send completes into our queue before it returns.</summary>
    public int Pending => _socket.Available;

    public byte[] Receive()
    {
        var buffer = new byte[64 * 1024];
        _socket.ReceiveTimeout = 10_000;
        var length = _socket.Receive(buffer);
        return buffer[..length];
    }

    public string ReceiveText() => Encoding.UTF8.GetString(Receive());

    public void Dispose()
    {
        _socket.Dispose();
        _directory.Dispose();
    }
}
