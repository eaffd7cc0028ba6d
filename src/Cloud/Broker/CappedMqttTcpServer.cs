using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using MQTTnet.Adapter;
using MQTTnet.Diagnostics.Logger;
using MQTTnet.Formatter;
using MQTTnet.Implementations;
using MQTTnet.Server;

namespace AfterSales.Cloud.Broker;

/// <summary>
/// The embedded broker's TCP listeners (plain and TLS), in place of MQTTnet's own: MQTTnet 5 has no cap on
/// the size of a packet it receives and allocates the whole announced body before reading it, so one
/// connection announcing 256 MB costs 256 MB. Here every connection's bytes pass <see cref="PacketCapStream"/>
/// first, which closes it at the length field of a packet over <c>Broker:MaxPacketBytes</c>
/// (docs/security.md, "Broker limits").
/// </summary>
internal sealed partial class CappedMqttTcpServer(
    IReadOnlyList<(IPEndPoint Endpoint, X509Certificate2? Certificate)> listeners,
    int maxPacketBytes,
    ILogger log) : IMqttServerAdapter
{
    private static readonly TimeSpan HandshakeTimeout = TimeSpan.FromSeconds(10);

    private readonly List<Socket> _sockets = [];
    private readonly CancellationTokenSource _stop = new();

    public Func<IMqttChannelAdapter, Task>? ClientHandler { get; set; }

    public Task StartAsync(MqttServerOptions options, IMqttNetLogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        foreach (var (endpoint, certificate) in listeners)
        {
            var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // [::] for IPv6 only: IPv4 has its own listener on the same port.
                socket.DualMode = false;
            }

            try
            {
                socket.Bind(endpoint);
                socket.Listen(100);
            }
            catch (SocketException ex) when (endpoint.Address.Equals(IPAddress.IPv6Any))
            {
                // A host without IPv6: the IPv4 listener serves everyone.
                socket.Dispose();
                LogNoIpv6(log, endpoint.Port, ex.Message);
                continue;
            }

            _sockets.Add(socket);
            _ = AcceptAsync(socket, certificate, options, logger, _stop.Token);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync()
    {
        _stop.Cancel();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        _sockets.Clear();
        return Task.CompletedTask;
    }

    public void Dispose()
    {
        StopAsync();
        _stop.Dispose();
    }

    private async Task AcceptAsync(Socket listener, X509Certificate2? certificate, MqttServerOptions options, IMqttNetLogger logger, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptAsync(stop);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex)
            {
                LogAcceptFailed(log, ex.Message);
                continue;
            }

            _ = ServeAsync(client, certificate, options, logger, stop);
        }
    }

    private async Task ServeAsync(Socket client, X509Certificate2? certificate, MqttServerOptions options, IMqttNetLogger logger, CancellationToken stop)
    {
        var remote = client.RemoteEndPoint;
        var from = remote?.ToString() ?? "?";
        Stream stream = new NetworkStream(client, ownsSocket: true);
        try
        {
            client.NoDelay = true;
            if (certificate is not null)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stop);
                handshake.CancelAfter(HandshakeTimeout);
                await tls.AuthenticateAsServerAsync(
                    new SslServerAuthenticationOptions { ServerCertificate = certificate, EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13, ClientCertificateRequired = false },
                    handshake.Token);
            }

            stream = new PacketCapStream(stream, maxPacketBytes, length => LogTooLarge(log, from, length, maxPacketBytes));
            using var channel = new MqttTcpChannel(stream, client.LocalEndPoint, remote, null);
            using var adapter = new MqttChannelAdapter(channel, new MqttPacketFormatterAdapter(new MqttBufferWriter(options.WriterBufferSize, options.WriterBufferSizeMax)), logger);
            await (ClientHandler?.Invoke(adapter) ?? Task.CompletedTask);
        }
        catch (Exception ex) when (ex is AuthenticationException or IOException or OperationCanceledException or SocketException)
        {
            LogConnectionEnded(log, from, ex.Message);
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an MQTT packet of {Length} bytes from {Endpoint} at its header and closed the connection: at most {Max} bytes (Broker:MaxPacketBytes)")]
    private static partial void LogTooLarge(ILogger logger, string endpoint, long length, int max);

    [LoggerMessage(Level = LogLevel.Debug, Message = "MQTT connection from {Endpoint} ended: {Reason}")]
    private static partial void LogConnectionEnded(ILogger logger, string endpoint, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Embedded MQTT broker: accepting a connection failed: {Reason}")]
    private static partial void LogAcceptFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Embedded MQTT broker: no IPv6 listener on port {Port} ({Reason}); IPv4 only")]
    private static partial void LogNoIpv6(ILogger logger, int port, string reason);
}
