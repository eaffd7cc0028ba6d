using AfterSales.Cloud.Telemetry;

namespace AfterSales.Cloud.Hosting;

/// <summary>Feeds the backlog gauges every 15 s, so a scrape never waits on (or loads) the database.</summary>
internal sealed partial class BacklogSampler(BacklogProbe probe, TimeProvider time, ILogger<BacklogSampler> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                BacklogGauges.Update(await probe.ReadAsync(stoppingToken));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Readiness reports the database; here the gauges just keep their last value.
                LogSampleFailed(log, ex.Message);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Backlog sample failed: {Reason}")]
    private static partial void LogSampleFailed(ILogger logger, string reason);
}
