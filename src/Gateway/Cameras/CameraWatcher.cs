using System.Text.Json;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Cameras;

/// <summary>
/// Checks every configured camera and recorder on its own timer and reports the faults the health
/// policy decides. A round still running when the next one is due is not doubled up: the tick is skipped.
/// </summary>
internal sealed partial class CameraWatcher(
    IReadOnlyList<CameraConfig> cameras,
    CameraProbe probe,
    FaultReporter reporter,
    TimeProvider time,
    ILogger<CameraWatcher> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Watched> _watched = [];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var camera in cameras)
        {
            var watched = new Watched(camera, new CameraHealthPolicy(camera));
            _watched.Add(watched);
            LogWatching(camera.DeviceId, camera.Host, camera.IntervalSeconds, camera.MissesBeforeFault);

            // The first round runs at once, so an installer sees a wrong address in the log straight away.
            watched.Timer = time.CreateTimer(_ => Tick(watched), null, TimeSpan.Zero, camera.Interval);
        }

        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var watched in _watched)
        {
            watched.Timer?.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        await _stopping.CancelAsync();
        await WhenIdleAsync().WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        foreach (var watched in _watched)
        {
            watched.Timer?.Dispose();
        }

        _stopping.Dispose();
    }

    /// <summary>Completes when no round is running; tests advance fake time, then wait for the round to finish.</summary>
    internal Task WhenIdleAsync()
    {
        lock (_watched)
        {
            return Task.WhenAll(_watched.Select(w => w.Running));
        }
    }

    private void Tick(Watched watched)
    {
        lock (_watched)
        {
            if (!watched.Running.IsCompleted)
            {
                LogRoundSkipped(watched.Camera.DeviceId);
                return;
            }

            watched.Running = RoundAsync(watched);
        }
    }

    private async Task RoundAsync(Watched watched)
    {
        var camera = watched.Camera;
        try
        {
            var round = await probe.RunAsync(camera, _stopping.Token);
            var allPassed = round.Ping?.Passed != false && round.Rtsp?.Passed != false && round.Onvif?.Passed != false
                && !(round.Onvif?.ClockDrift?.Duration() > camera.MaxClockDrift);
            GatewayMetrics.Check("camera", allPassed ? "passed" : "failed");
            LogRound(allPassed ? LogLevel.Debug : LogLevel.Information, camera.DeviceId, round.Ping?.Summary ?? "off", round.Rtsp?.Summary ?? "off", round.Onvif?.Summary ?? "off");
            foreach (var change in watched.Policy.Evaluate(round))
            {
                var detail = JsonSerializer.SerializeToElement(
                    new CameraFaultDetail(camera.Host, round.Ping?.Summary, round.Rtsp?.Summary, round.Onvif?.Summary, round.Onvif?.ClockDrift?.TotalSeconds),
                    CameraJsonContext.Default.CameraFaultDetail);
                reporter.Report(new FaultObservation(
                    camera.DeviceId, camera.Kind.ToDeviceKind(), change.Fault, change.IsActive, FaultObservation.DefaultSeverity(change.Fault), time.GetUtcNow(), detail));
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down mid-round.
        }
#pragma warning disable CA1031 // One device's surprise must not stop the checks of the others or of later rounds.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogRoundFailed(camera.DeviceId, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Watching {DeviceId} at {Host} every {IntervalS} s, fault after {Misses} misses")]
    private partial void LogWatching(string deviceId, string host, int intervalS, int misses);

    // Failing rounds at Information: an installer with a mistyped address sees why long before the fault is raised.
    [LoggerMessage(Message = "Checked {DeviceId}: ping {Ping}; RTSP {Rtsp}; ONVIF {Onvif}")]
    private partial void LogRound(LogLevel level, string deviceId, string ping, string rtsp, string onvif);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checks of {DeviceId} still running when the next round was due; round skipped")]
    private partial void LogRoundSkipped(string deviceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checking {DeviceId} failed unexpectedly; retrying next round")]
    private partial void LogRoundFailed(string deviceId, Exception exception);

    private sealed class Watched(CameraConfig camera, CameraHealthPolicy policy)
    {
        public CameraConfig Camera { get; } = camera;

        public CameraHealthPolicy Policy { get; } = policy;

        public ITimer? Timer { get; set; }

        public Task Running { get; set; } = Task.CompletedTask;
    }
}
