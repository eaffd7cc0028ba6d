using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Telemetry;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Panels;

/// <summary>
/// One panel on one serial port: opens it, reads and decodes frames, polls on a timer, reconnects with capped backoff
/// when the port goes away. Corrupt frames are counted and logged with their bytes, never reported as faults.
/// </summary>
internal sealed partial class PanelSession : IDisposable
{
    private readonly PanelConfig _config;
    private readonly SerialPanelProtocol _protocol;
    private readonly ISerialLinkFactory _links;
    private readonly FaultReporter _reporter;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private readonly ILogger _logger;
    private readonly PanelLinkSupervisor _supervisor;
    private readonly PanelFaultDetail _detail;
    private readonly Lock _gate = new();
    private SerialLink? _link;
    private ITimer? _pollTimer;
    private long _goodFrames;
    private long _corruptFrames;

    public PanelSession(PanelConfig config, ISerialLinkFactory links, FaultReporter reporter, TimeProvider time, ReconnectBackoff backoff, ILogger logger)
    {
        _config = config;
        _protocol = SerialPanelProtocol.Find(config.Protocol) ?? throw new ArgumentException($"'{config.Protocol}' is not a serial panel protocol", nameof(config));
        _links = links;
        _reporter = reporter;
        _time = time;
        _backoff = backoff;
        _logger = logger;
        _supervisor = new PanelLinkSupervisor(config.MissedPollsBeforeFault ?? _protocol.DefaultMissedPolls);
        _detail = new PanelFaultDetail(config.Id, config.Protocol, config.Port, null);
    }

    public string PanelId => _config.Id;

    public long GoodFrames => Interlocked.Read(ref _goodFrames);

    public long CorruptFrames => Interlocked.Read(ref _corruptFrames);

    public bool IsConnected
    {
        get
        {
            lock (_gate)
            {
                return _link is not null;
            }
        }
    }

    private int BaudRate => _config.BaudRate ?? _protocol.DefaultBaudRate;

    /// <summary>Runs until cancelled; never throws for anything the port or the panel does.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        _pollTimer = _time.CreateTimer(_ => PollTick(), null, _config.PollInterval(), _config.PollInterval());
        while (!cancellationToken.IsCancellationRequested)
        {
            SerialLink link;
            try
            {
                link = _links.Open(_config.Port, BaudRate);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                var delay = _backoff.NextDelay();
                LinkLost($"cannot open {_config.Port}: {ex.Message}", delay);
                await DelayAsync(delay, cancellationToken);
                continue;
            }

            Connected(link);
            var reason = await ReadUntilLostAsync(link, cancellationToken);
            if (cancellationToken.IsCancellationRequested)
            {
                Disconnect(link);
                break;
            }

            var retry = _backoff.NextDelay();
            Disconnect(link);
            LinkLost(reason, retry);
            await DelayAsync(retry, cancellationToken);
        }
    }

    public void Dispose()
    {
        _pollTimer?.Dispose();
        lock (_gate)
        {
            _link?.Dispose();
            _link = null;
        }
    }

    private void Connected(SerialLink link)
    {
        lock (_gate)
        {
            _link = link;
            _supervisor.Connected();
            ReportLinkState();
            Send(link, _protocol.OnConnect);
        }

        LogConnected(_config.Id, _config.Port, BaudRate, _config.Protocol);
    }

    private void Disconnect(SerialLink link)
    {
        lock (_gate)
        {
            link.Dispose();
            _link = null;
        }
    }

    private void LinkLost(string reason, TimeSpan retry)
    {
        lock (_gate)
        {
            _supervisor.Disconnected();
            ReportLinkState();
        }

        LogLinkLost(_config.Id, reason, retry.TotalSeconds);
    }

    private async Task<string> ReadUntilLostAsync(SerialLink link, CancellationToken cancellationToken)
    {
        var reason = await FrameReadLoop.RunAsync(link.Stream, _protocol.ReadFrame, Handle, cancellationToken);

        // The poll timer closes the link when the device node vanishes; say that rather than "disposed object".
        return link.IsDisposed && !cancellationToken.IsCancellationRequested ? $"{_config.Port} vanished" : reason;
    }

    private void Handle(PanelFrame frame)
    {
        if (!frame.Decoded.Valid)
        {
            Interlocked.Increment(ref _corruptFrames);
            GatewayMetrics.Check("panel", "corrupt");
            LogCorruptFrame(_config.Id, frame.Decoded.Error, Convert.ToHexString(frame.Raw.Span), CorruptFrames);
            return;
        }

        GatewayMetrics.Check("panel", "answered");
        var now = _time.GetUtcNow();
        var detail = _detail with { Frame = PanelFaultMapper.Printable(frame.Raw.Span) };
        lock (_gate)
        {
            _supervisor.GoodFrame();
            _backoff.Reset();
            foreach (var fault in frame.Decoded.Faults)
            {
                // The panel's own "cannot communicate" joins the gateway's poll supervision in one fault.
                if (fault.Fault == FaultCodes.PanelCommFail && fault.DeviceId == PanelDeviceIds.Panel)
                {
                    _supervisor.PanelReportedCommFail(fault.State == FaultState.Raised);
                    continue;
                }

                _reporter.Report(PanelFaultMapper.Map(fault, detail, now));
            }

            ReportLinkState();

            // Counted once the supervisor has it: whoever sees the count (status, a test) may rely on the next poll
            // interval knowing that the panel answered.
            Interlocked.Increment(ref _goodFrames);
        }
    }

    private void PollTick()
    {
        lock (_gate)
        {
            if (_link is not { } link)
            {
                return;
            }

            // A USB adapter unplugged (or socat gone) removes the device node; a pending read may never notice.
            if (!File.Exists(_config.Port))
            {
                link.Dispose();
                return;
            }

            _supervisor.PollIntervalElapsed();
            ReportLinkState();
            Send(link, _protocol.OnPoll);
        }
    }

    private void Send(SerialLink link, IReadOnlyList<byte[]> requests)
    {
        try
        {
            foreach (var request in requests)
            {
                link.Stream.Write(request);
            }

            link.Stream.Flush();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or TimeoutException)
        {
            // The read loop sees the same failure and reconnects; closing here makes sure it does.
            LogWriteFailed(_config.Id, ex.Message);
            link.Dispose();
        }
    }

    private void ReportLinkState()
    {
        var now = _time.GetUtcNow();
        _reporter.Report(PanelFaultMapper.Panel(FaultCodes.PanelOffline, _supervisor.Offline, _detail, now));
        _reporter.Report(PanelFaultMapper.Panel(FaultCodes.PanelCommFail, _supervisor.CommFail, _detail, now));
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }
}
