using System.Net.Sockets;
using System.Text;

namespace AfterSales.Gateway.Supervision;

/// <summary>
/// sd_notify(3) without libsystemd: one datagram per state change to the unix socket systemd names in
/// <c>NOTIFY_SOCKET</c> (a path, or an abstract name written with a leading '@').
/// </summary>
internal sealed class SystemdNotifier : IDisposable
{
    public const string SocketVariable = "NOTIFY_SOCKET";

    private readonly Socket _socket = new(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
    private readonly UnixDomainSocketEndPoint _endpoint;

    public SystemdNotifier(string socketPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(socketPath);
        _endpoint = new UnixDomainSocketEndPoint(socketPath[0] == '@' ? "\0" + socketPath[1..] : socketPath);
    }

    /// <summary>Null when the gateway does not run under a systemd unit with <c>Type=notify</c>.</summary>
    public static SystemdNotifier? FromEnvironment() =>
        Environment.GetEnvironmentVariable(SocketVariable) is { Length: > 0 } path ? new SystemdNotifier(path) : null;

    /// <summary>Sends newline-separated assignments such as <c>WATCHDOG=1</c>; false when systemd is not listening.</summary>
    public bool Notify(string state)
    {
        try
        {
            _socket.SendTo(Encoding.UTF8.GetBytes(state), _endpoint);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public void Dispose() => _socket.Dispose();
}
