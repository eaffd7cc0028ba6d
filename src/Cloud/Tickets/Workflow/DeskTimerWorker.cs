namespace AfterSales.Cloud.Tickets.Workflow;

/// <summary>Polls for due timers. The first pass runs at start, firing what fell due while the service was down.</summary>
internal sealed partial class DeskTimerWorker(TimerFiringService firing, OnDutyRedispatchService onDuty, TimeProvider time, ILogger<DeskTimerWorker> log) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await firing.FireDueAsync(stoppingToken);
                await onDuty.OfferEscalatedAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // A database hiccup must not stop the clocks for good; the next pass retries.
                LogPassFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer pass failed; retrying at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
