using System.Text.Json;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Telemetry;
using AfterSales.Gateway.Uplink;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Status;

/// <summary>
/// Rewrites <c>status.json</c> in the state directory every second (temp file + rename, so the
/// <c>status</c> command never reads half a file). A file that stops changing means the gateway is gone.
/// </summary>
internal sealed partial class StatusFileWriter(
    string stateDirectory,
    UplinkSettings uplink,
    SqliteOutbox outbox,
    FaultTracker tracker,
    ISiteConfigSource siteConfig,
    ConnectionState connection,
    LoopHealth health,
    TimeProvider time,
    ILogger<StatusFileWriter> logger) : BackgroundService
{
    public const string FileName = "status.json";
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    private readonly DateTimeOffset _startedAt = time.GetUtcNow();
    private bool _failing;

    public static string PathIn(string stateDirectory) => System.IO.Path.Combine(stateDirectory, FileName);

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        Write(stopped: true);
    }

    public StatusReport Snapshot(bool stopped = false)
    {
        var link = connection.Snapshot();
        var site = siteConfig.Current;
        return new StatusReport
        {
            GatewayId = uplink.GatewayId,
            SiteId = uplink.SiteId,
            Pid = Environment.ProcessId,
            WrittenAt = time.GetUtcNow(),
            StartedAt = _startedAt,
            ResidentBytes = Environment.WorkingSet,
            Stopped = stopped,
            Broker = $"{uplink.Broker.Host}:{uplink.Broker.Port}",
            Connected = link.Connected,
            ConnectionSince = link.Since,
            LastError = link.LastError,
            OutboxDepth = outbox.Count,
            OutboxBytes = outbox.LiveBytes,
            OutboxMaxBytes = outbox.MaxBytes,
            OutboxFull = outbox.IsFull,
            ActiveFaults = [.. tracker.Active().Select(a => new ActiveFault(a.DeviceId, a.Fault))],
            ConfigVersion = site?.Version,
            ConfigIssuedAt = site?.IssuedAt,
            StuckLoops = [.. health.Stuck().Select(s => s.Loop)],
            Metrics = GatewayMetrics.Snapshot(),
        };
    }

    public void Write(bool stopped = false)
    {
        var path = PathIn(stateDirectory);
        var temp = path + ".tmp";
        try
        {
            File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(Snapshot(stopped), StatusJsonContext.Default.StatusReport));
            File.Move(temp, path, overwrite: true);
            _failing = false;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            if (!_failing)
            {
                LogWriteFailed(path, ex.Message);
            }

            _failing = true;
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        try
        {
            do
            {
                Write();
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The last file written stays; its age tells the status command the gateway stopped.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot write the status file {File}: {Reason}; the status command will report the gateway as stopped")]
    private partial void LogWriteFailed(string file, string reason);
}
