using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;

namespace AfterSales.Cloud.Notifications;

/// <summary>Adds outbox rows to the caller's unit of work and logs them (the log is the channel until a gateway is wired).</summary>
internal sealed partial class NotificationService(TimeProvider time, ILogger<NotificationService> log)
{
    public void Send(CloudDb db, string recipient, long? ticketId, string message)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var span = CloudTelemetry.Start("notify")?.SetTag("aftersales.notification.recipient", recipient).SetTag("aftersales.ticket.id", ticketId);
        CloudMetrics.CountNotification("log", "sent");
        var now = time.GetUtcNow();
        db.Notifications.Add(new Notification { Recipient = recipient, TicketId = ticketId, Message = message, CreatedAt = now, SentAt = now });
        LogNotified(log, recipient, ticketId, message);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notify {Recipient} (ticket {TicketId}): {Message}")]
    private static partial void LogNotified(ILogger logger, string recipient, long? ticketId, string message);
}
