using AfterSales.Cloud.Mail;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Mail;

/// <summary>Polls the mail queue. The first pass runs at start, sending what was queued while the service was down.</summary>
internal sealed partial class MailQueueWorker(MailDeliveryService delivery, IOptions<MailOptions> options, TimeProvider time, ILogger<MailQueueWorker> log) : BackgroundService
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
                // The database is away for a moment: the queue is still there at the next tick.
                LogPassFailed(log, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail queue pass failed; retrying at the next tick")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
