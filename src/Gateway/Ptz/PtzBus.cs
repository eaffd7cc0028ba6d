using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.Serial;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;
using AfterSales.Protocol.Panels.PelcoD;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Ptz;

/// <summary>
/// The RS-485 line of Pelco-D heads: asks each head for its pan position in turn and reports <c>ptz.no_response</c>
/// for heads that stay silent. While the adapter is missing no question gets out, so every head counts misses.
/// </summary>
internal sealed partial class PtzBus : BackgroundService
{
    private readonly PtzConfig _config;
    private readonly ISerialLinkFactory _links;
    private readonly FaultReporter _reporter;
    private readonly TimeProvider _time;
    private readonly ReconnectBackoff _backoff;
    private readonly ILogger _logger;
    private readonly Lock _gate = new();
    private SerialLink? _link;
    private ITimer? _timer;
    private long _corruptFrames;

    public PtzBus(PtzConfig config, ISerialLinkFactory links, FaultReporter reporter, TimeProvider time, ReconnectBackoff backoff, ILogger<PtzBus> logger)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _links = links;
        _reporter = reporter;
        _time = time;
        _backoff = backoff;
        _logger = logger;
        Supervisor = new PtzSupervisor(_config, Report);
    }

    public PtzSupervisor Supervisor { get; }

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

    public override void Dispose()
    {
        _timer?.Dispose();
        _link?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        _timer = _time.CreateTimer(_ => Tick(), null, _config.ResponseTimeout(), _config.ResponseTimeout());
        while (!stoppingToken.IsCancellationRequested)
        {
            string reason;
            try
            {
                var link = _links.Open(_config.Port, _config.BaudRate);
                lock (_gate)
                {
                    _link = link;
                }

                LogConnected(_config.Port, _config.BaudRate, _config.Heads.Count);
                reason = await FrameReadLoop.RunAsync(link.Stream, PelcoDReader.TryReadFrame, Handle, stoppingToken);
                lock (_gate)
                {
                    link.Dispose();
                    _link = null;
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidOperationException or ArgumentException)
            {
                reason = ex.Message;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            var delay = _backoff.NextDelay();
            LogLinkLost(_config.Port, reason, delay.TotalSeconds);
            try
            {
                await Task.Delay(delay, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Handle(PanelFrame frame)
    {
        if (!frame.Decoded.Valid)
        {
            Interlocked.Increment(ref _corruptFrames);
            LogCorruptFrame(frame.Decoded.Error, Convert.ToHexString(frame.Raw.Span));
            return;
        }

        // Adapters that hear their own transmission echo the gateway's queries; only replies count.
        var raw = frame.Raw.Span;
        if (raw[2] == 0 && raw[3] is PelcoDCodec.PanResponse or PelcoDCodec.TiltResponse or PelcoDCodec.ZoomResponse)
        {
            lock (_gate)
            {
                _backoff.Reset();
                Supervisor.Answered(raw[1]);
            }
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (_link is { } link && !File.Exists(_config.Port))
            {
                link.Dispose();
            }

            if (Supervisor.Tick(_time.GetUtcNow()) is not { } head || _link is not { IsDisposed: false } open)
            {
                return;
            }

            try
            {
                open.Stream.Write(PelcoDCodec.QueryPanPosition((byte)head.Address));
                open.Stream.Flush();
            }
            catch (Exception ex) when (ex is IOException or ObjectDisposedException or InvalidOperationException or TimeoutException)
            {
                open.Dispose();
            }
        }
    }

    private void Report(PtzHeadConfig head, bool silent)
    {
        var observation = new FaultObservation(head.Id, DeviceKind.Ptz, FaultCodes.PtzNoResponse, silent,
            FaultObservation.DefaultSeverity(FaultCodes.PtzNoResponse), _time.GetUtcNow());
        _reporter.Report(observation);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "PTZ bus on {Port} at {BaudRate} baud, {HeadCount} heads")]
    private partial void LogConnected(string port, int baudRate, int headCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PTZ bus on {Port} lost ({Reason}); retrying in {RetrySeconds:0.0} s")]
    private partial void LogLinkLost(string port, string reason, double retrySeconds);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PTZ bus: corrupt frame ignored ({Error}), bytes {Hex}")]
    private partial void LogCorruptFrame(string error, string hex);
}
