using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Notifications;

/// <summary>Polls the outbox. The first pass runs at start, delivering what was queued while the service was down.</summary>
internal sealed partial class NotificationWorker(NotificationDeliveryService delivery, IOptions<NotificationOptions> options, TimeProvider time, ILogger<NotificationWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds), time);
        do
        {
            try
            {
                await delivery.DeliverDueAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The database is away for a moment: the outbox is still there at the next tick.
                LogPassFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification pass failed; retrying at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
