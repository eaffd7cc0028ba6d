using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Presence;

/// <summary>Periodically asks the tracker which gateways have gone silent.</summary>
internal sealed partial class PresenceWorker(
    PresenceService tracker,
    IOptions<PresenceOptions> options,
    TimeProvider time,
    ILogger<PresenceWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await tracker.InitializeAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.SweepIntervalSeconds), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await tracker.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not end presence watching for good; the next tick retries.
                LogSweepFailed(log, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Presence sweep failed; retrying at the next tick")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
