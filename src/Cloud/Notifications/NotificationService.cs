using System.Security.Cryptography;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// Adds messages to the caller's unit of work (the outbox) and records when a link in one is
/// followed. Nothing is delivered here: <see cref="NotificationDeliveryService"/> does that
/// outside the request, so a slow provider never holds up a dispatch (docs/service-rules.md §7.1).
/// </summary>
internal sealed partial class NotificationService(IDbContextFactory<CloudDb> dbs, NoticeLanguageStore language, INotificationTenantStore tenants, TimeProvider time, ILogger<NotificationService> log)
{
    /// <summary>Queues a message for the channels <paramref name="recipient"/> chose for <paramref name="kind"/>.</summary>
    /// <param name="linkPath">The page the message's link opens (<c>/jobs/42</c>); following it marks the message opened.</param>
    public Notification Send(CloudDb db, string recipient, NoticeKind kind, long? ticketId, string message, string? linkPath = null) =>
        Queue(db, recipient, kind, ticketId, message, linkPath, []);

    /// <summary>Queues a message for one given address (the customer's contact phone), whatever routes exist.</summary>
    public Notification SendTo(CloudDb db, string recipient, NoticeKind kind, long? ticketId, string message, NotificationChannel channel, string address) =>
        Queue(db, recipient, kind, ticketId, message, null, [(channel, address)]);

    /// <summary>
    /// Queues a message written in <paramref name="recipient"/>'s language (<see cref="NoticeLanguageStore"/>):
    /// <paramref name="write"/> gets the cloud's words in that language. Every text the cloud sends goes this way.
    /// </summary>
    public Notification Send(CloudDb db, string recipient, NoticeKind kind, long? ticketId, Func<IStringLocalizer, string> write, string? linkPath = null) =>
        Send(db, recipient, kind, ticketId, Write(db, recipient, null, write), linkPath);

    /// <summary>
    /// Queues an escalation that the delivery worker gathers with the others waiting to the same person
    /// (docs/service-rules.md §7.5), written as <see cref="Send(CloudDb, string, NoticeKind, long?, Func{IStringLocalizer, string}, string?)"/> writes it.
    /// </summary>
    public Notification SendGatheredEscalation(CloudDb db, string recipient, long ticketId, Func<IStringLocalizer, string> write)
    {
        var notification = Send(db, recipient, NoticeKind.Escalation, ticketId, write);
        notification.Gathered = 1;
        return notification;
    }

    /// <summary>Queues a message for one given address, written in the language of the company <paramref name="tenantId"/>'s customers read.</summary>
    public Notification SendTo(CloudDb db, string recipient, NoticeKind kind, long? ticketId, Func<IStringLocalizer, string> write, NotificationChannel channel, string address, string? tenantId) =>
        SendTo(db, recipient, kind, ticketId, Write(db, recipient, tenantId, write), channel, address);

    /// <summary>Records that the link was followed (the first time counts) and returns where it leads; null for an unknown token.</summary>
    public async Task<string?> OpenAsync(string token, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var notification = await db.Notifications.SingleOrDefaultAsync(n => n.Token == token, cancellationToken);
        if (notification is null)
        {
            return null;
        }

        if (notification.OpenedAt is null)
        {
            notification.OpenedAt = time.GetUtcNow();
            notification.Status = NotificationStatus.Opened;
            await db.SaveChangesAsync(cancellationToken);
            CloudMetrics.CountNotification("link", "opened");
            LogOpened(log, notification.Id, notification.Recipient, notification.TicketId);
        }

        return notification.LinkPath;
    }

    private string Write(CloudDb db, string recipient, string? tenantId, Func<IStringLocalizer, string> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var scope = language.Use(db, recipient, tenantId);
        return write(language.Text);
    }

    private Notification Queue(CloudDb db, string recipient, NoticeKind kind, long? ticketId, string message, string? linkPath, (NotificationChannel Channel, string Address)[] direct)
    {
        ArgumentNullException.ThrowIfNull(db);
        using var span = CloudTelemetry.Start("notify")?.SetTag("aftersales.notification.recipient", recipient).SetTag("aftersales.ticket.id", ticketId);
        var now = time.GetUtcNow();
        var notification = new Notification
        {
            TenantId = tenants.TenantOf(db, recipient, ticketId),
            Recipient = recipient,
            Kind = kind,
            TicketId = ticketId,
            Message = NotificationConfiguration.ClipMessage(message),
            CreatedAt = now,
            Status = NotificationStatus.Queued,
            LinkPath = linkPath,
            Token = linkPath is null ? null : Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
            TraceParent = CloudTelemetry.CurrentTraceParent(),
        };
        if (direct.Length > 0)
        {
            notification.RoutedAt = now;
            notification.Deliveries.AddRange(direct.Select(d => new NotificationDelivery { Channel = d.Channel, Address = d.Address, NextAttemptAt = now }));
        }

        db.Notifications.Add(notification);
        CloudMetrics.CountNotification("outbox", "queued");
        LogQueued(log, recipient, kind, ticketId, message);
        return notification;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notify {Recipient} ({Kind}, ticket {TicketId}): {Message}")]
    private static partial void LogQueued(ILogger logger, string recipient, NoticeKind kind, long? ticketId, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} to {Recipient} opened (ticket {TicketId})")]
    private static partial void LogOpened(ILogger logger, long notificationId, string recipient, long? ticketId);
}
