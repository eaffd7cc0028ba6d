using System.Net;
using System.Net.Sockets;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Serial;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.SiaDc09;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>
/// The site's SIA DC-09 receiver: IP panels on the LAN send events over TCP (a connection may carry many frames) or
/// UDP (one frame per datagram) and get ACK, NAK or DUH back. Accepted events become faults of the account's panel.
/// </summary>
internal sealed partial class Dc09Receiver : BackgroundService
{
    private readonly Dc09ReceiverConfig _config;
    private readonly FaultReporter _reporter;
    private readonly TimeProvider _time;
    private readonly ILogger<Dc09Receiver> _logger;
    private readonly Dc09Responder _responder;
    private readonly Lock _reportLock = new();

    // Per account: (silent past its supervision time, the panel itself reports it cannot communicate). One fault for both.
    private readonly Dictionary<string, (bool Silent, bool PanelSays)> _commFail = new(StringComparer.OrdinalIgnoreCase);
    private Dc09AccountSupervision? _supervision;
    private TcpListener? _tcp;
    private UdpClient? _udp;
    private long _acked;
    private long _rejected;

    public Dc09Receiver(Dc09ReceiverConfig config, FaultReporter reporter, TimeProvider time, ILogger<Dc09Receiver> logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _reporter = reporter;
        _time = time;
        _logger = logger;
        _responder = new Dc09Responder(_config);
    }

    public IPEndPoint? TcpEndpoint => _tcp?.LocalEndpoint as IPEndPoint;

    public IPEndPoint? UdpEndpoint => _udp?.Client.LocalEndPoint as IPEndPoint;

    public long Acknowledged => Interlocked.Read(ref _acked);

    /// <summary>Frames answered NAK or DUH: damaged, stale, or not ours.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Binds the sockets before the host reports started, so a port in use fails start-up with a clear message.</summary>
    public override Task StartAsync(CancellationToken cancellationToken)
    {
        var address = IPAddress.Parse(_config.ListenAddress);
        if (_config.TcpPort > 0)
        {
            _tcp = new TcpListener(address, _config.TcpPort);
            _tcp.Start();
        }

        if (_config.UdpPort > 0)
        {
            _udp = new UdpClient(new IPEndPoint(address, _config.UdpPort));
        }

        _supervision = new Dc09AccountSupervision(_config.Accounts, _time, (account, silent) => UpdateCommFail(account, null, silent: silent));
        LogListening(_config.ListenAddress, _config.TcpPort, _config.UdpPort, _config.Accounts.Count);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _tcp?.Dispose();
        _udp?.Dispose();
        _supervision?.Dispose();
        base.Dispose();
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(_tcp is null ? Task.CompletedTask : AcceptAsync(_tcp, stoppingToken), _udp is null ? Task.CompletedTask : ReceiveAsync(_udp, stoppingToken));

    private async Task AcceptAsync(TcpListener listener, CancellationToken stoppingToken)
    {
        var connections = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var client = await listener.AcceptTcpClientAsync(stoppingToken);
                connections.RemoveAll(t => t.IsCompleted);
                connections.Add(ServeAsync(client, stoppingToken));
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }

        await Task.WhenAll(connections);
    }

    private async Task ServeAsync(TcpClient client, CancellationToken stoppingToken)
    {
        using (client)
        {
            var remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
            var stream = client.GetStream();

            // The panel hanging up, or the gateway stopping, ends the loop; either way this connection is done.
            await FrameReadLoop.RunAsync(stream, new Dc09Reader().TryReadFrame, frame => stream.Write(Handle(frame.Raw.Span, remote)), stoppingToken);
        }
    }

    private async Task ReceiveAsync(UdpClient udp, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var datagram = await udp.ReceiveAsync(stoppingToken);
                var frames = new FrameBuffer(new Dc09Reader().TryReadFrame).Append(datagram.Buffer);
                if (frames.Count == 0)
                {
                    // A datagram is the whole message: a truncated one will never be completed.
                    frames = [new(datagram.Buffer, Protocol.Panels.PanelDecodeResult.Invalid("truncated datagram"))];
                }

                foreach (var frame in frames)
                {
                    await udp.SendAsync(Handle(frame.Raw.Span, datagram.RemoteEndPoint.ToString()), datagram.RemoteEndPoint, stoppingToken);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (SocketException ex)
            {
                // An ICMP "port unreachable" for an earlier answer surfaces here on Linux; the socket is still fine.
                LogSocketError(ex.Message);
            }
        }
    }

    private byte[] Handle(ReadOnlySpan<byte> frame, string remote)
    {
        var now = _time.GetUtcNow();
        var verdict = _responder.Judge(frame, now);
        if (verdict.Answer != Dc09Answer.Ack)
        {
            Interlocked.Increment(ref _rejected);
            LogRejected(verdict.Answer.ToString().ToUpperInvariant(), remote, verdict.Reason ?? string.Empty, Convert.ToHexString(frame));
            return verdict.Response;
        }

        Interlocked.Increment(ref _acked);
        var account = verdict.Account!;
        _supervision?.Heard(account);
        var detail = new PanelFaultDetail(account.PanelId, "sia-dc09", "account " + account.Account, PanelFaultMapper.Printable(frame));
        lock (_reportLock)
        {
            foreach (var fault in verdict.Faults)
            {
                if (fault.Fault == FaultCodes.PanelCommFail && fault.DeviceId == PanelDeviceIds.Panel)
                {
                    UpdateCommFail(account, detail, panelSays: fault.State == FaultState.Raised);
                    continue;
                }

                _reporter.Report(PanelFaultMapper.Map(fault, detail, now));
            }
        }

        return verdict.Response;
    }

    private void UpdateCommFail(Dc09AccountConfig account, PanelFaultDetail? detail, bool? silent = null, bool? panelSays = null)
    {
        lock (_reportLock)
        {
            var state = _commFail.GetValueOrDefault(account.Account);
            state = (silent ?? state.Silent, panelSays ?? state.PanelSays);
            _commFail[account.Account] = state;
            detail ??= new PanelFaultDetail(account.PanelId, "sia-dc09", "account " + account.Account, null);
            _reporter.Report(PanelFaultMapper.Panel(FaultCodes.PanelCommFail, state.Silent || state.PanelSays, detail, _time.GetUtcNow()));
        }
    }
}
