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
    private readonly Dc09ReplayGuard _replays;
    private readonly Lock _reportLock = new();

    // Per account: (silent past its supervision time, the panel itself reports it cannot communicate). One fault for both.
    private readonly Dictionary<string, (bool Silent, bool PanelSays)> _commFail = new(StringComparer.OrdinalIgnoreCase);
    private Dc09AccountSupervision? _supervision;
    private TcpListener? _tcp;
    private UdpClient? _udp;
    private long _acked;
    private long _rejected;
    private long _replayed;
    private int _connections;
    private long _refusedConnections;
    private long _lastRefusalLog = long.MinValue;

    public Dc09Receiver(Dc09ReceiverConfig config, FaultReporter reporter, TimeProvider time, ILogger<Dc09Receiver> logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _reporter = reporter;
        _time = time;
        _logger = logger;
        _responder = new Dc09Responder(_config);
        _replays = new Dc09ReplayGuard(_config.MaxAge(), _config.MaxAhead());
    }

    public IPEndPoint? TcpEndpoint => _tcp?.LocalEndpoint as IPEndPoint;

    public IPEndPoint? UdpEndpoint => _udp?.Client.LocalEndPoint as IPEndPoint;

    public long Acknowledged => Interlocked.Read(ref _acked);

    /// <summary>Frames answered NAK or DUH: damaged, stale, or not ours.</summary>
    public long Rejected => Interlocked.Read(ref _rejected);

    /// <summary>Encrypted frames seen before inside the timestamp window: answered ACK, reported nothing.</summary>
    public long Replayed => Interlocked.Read(ref _replayed);

    /// <summary>TCP connections closed at once because <c>maxConnections</c> were already served.</summary>
    public long RefusedConnections => Interlocked.Read(ref _refusedConnections);

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
                if (Interlocked.Increment(ref _connections) > _config.MaxConnections)
                {
                    // A LAN device opening connections must not exhaust the board's sockets and memory (issue 13).
                    Interlocked.Decrement(ref _connections);
                    Interlocked.Increment(ref _refusedConnections);
                    LogRefusalRateLimited(client.Client.RemoteEndPoint?.ToString() ?? "?");
                    client.Client.Close(0);
                    client.Dispose();
                    continue;
                }

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
        try
        {
            using (client)
            {
                var remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
                var stream = client.GetStream();

                // A connection that brings no whole frame for the idle time is closed, so a silent or byte-trickling peer
                // does not hold one of the maxConnections for ever; each frame restarts the clock.
                using var idle = new CancellationTokenSource(_config.IdleTimeout(), _time);
                using var either = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, idle.Token);
                var reader = new Dc09Reader(maxLength: _config.MaxFrameBytes);

                // The panel hanging up, the idle time, or the gateway stopping ends the loop; either way this connection is done.
                await FrameReadLoop.RunAsync(
                    stream,
                    reader.TryReadFrame,
                    frame =>
                    {
                        idle.CancelAfter(_config.IdleTimeout());
                        stream.Write(Handle(frame.Raw.Span, remote));
                    },
                    either.Token);
                if (idle.IsCancellationRequested && !stoppingToken.IsCancellationRequested)
                {
                    LogIdleClosed(remote, _config.IdleTimeoutSeconds);
                }
            }
        }
        finally
        {
            Interlocked.Decrement(ref _connections);
        }
    }

    private void LogRefusalRateLimited(string remote)
    {
        // One line a minute at most: a flood must not fill the journal.
        var now = _time.GetTimestamp();
        var last = Interlocked.Read(ref _lastRefusalLog);
        if ((last == long.MinValue || _time.GetElapsedTime(last, now) >= TimeSpan.FromMinutes(1))
            && Interlocked.CompareExchange(ref _lastRefusalLog, now, last) == last)
        {
            LogConnectionRefused(remote, _config.MaxConnections, RefusedConnections);
        }
    }

    private async Task ReceiveAsync(UdpClient udp, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var datagram = await udp.ReceiveAsync(stoppingToken);
                if (datagram.Buffer.Length > Dc09Framing.Overhead + _config.MaxFrameBytes + 2)
                {
                    // Over the packet-size limit (a frame, its LF/CR and a stray CRLF): not read, not answered.
                    Interlocked.Increment(ref _rejected);
                    LogOversizedDatagram(datagram.RemoteEndPoint.ToString(), datagram.Buffer.Length, _config.MaxFrameBytes);
                    continue;
                }

                var frames = new FrameBuffer(new Dc09Reader(maxLength: _config.MaxFrameBytes).TryReadFrame).Append(datagram.Buffer);
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

        var account = verdict.Account!;
        if (verdict.Message is { Encrypted: true } message && !_replays.FirstTime(frame, message.Timestamp, now))
        {
            // Answered ACK like the first time, so a panel whose ACK was lost stops sending; nothing else happens: it
            // neither counts as a sign of life for supervision nor reports its faults again.
            Interlocked.Increment(ref _replayed);
            LogReplayed(remote, account.Account, message.Sequence);
            return verdict.Response;
        }

        Interlocked.Increment(ref _acked);
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
