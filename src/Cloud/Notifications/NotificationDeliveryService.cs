using System.Diagnostics;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Notifications;

/// <summary>
/// Works the outbox (docs/service-rules.md §7.1–7.3): gives each new message the channels its
/// recipient chose, sends each delivery (claimed with a conditional update, so of several nodes
/// one sends it), and records sent, a retry with backoff, or failed with the reason. E-mail goes
/// into the mail queue and takes that queue's outcome.
/// </summary>
internal sealed partial class NotificationDeliveryService(
    IDbContextFactory<CloudDb> dbs,
    IEnumerable<INoticeChannel> channels,
    IOptions<NotificationOptions> options,
    IOptions<MailOptions> mail,
    NoticeLanguageStore language,
    TimeProvider time,
    ILogger<NotificationDeliveryService> log)
{
    private const int Batch = 100;

    private readonly Dictionary<NotificationChannel, INoticeChannel> _channels = channels.ToDictionary(c => c.Channel);

    /// <summary>Routes what is new, follows mail, sends what is due; returns how many deliveries were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await RouteNewAsync(now, cancellationToken);
        await FollowMailAsync(cancellationToken);
        List<long> due;
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            due = await db.NotificationDeliveries.AsNoTracking()
                .Where(d => d.Status == DeliveryStatus.Queued && d.MailId == null && d.NextAttemptAt <= now)
                .OrderBy(d => d.NextAttemptAt).ThenBy(d => d.Id)
                .Select(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            sent += await DeliverAsync(id, now, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    private async Task RouteNewAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var fresh = await db.Notifications.AsNoTracking().Where(n => n.RoutedAt == null).OrderBy(n => n.Id).Select(n => n.Id).Take(Batch).ToListAsync(cancellationToken);
        foreach (var id in fresh)
        {
            // Claimed like a delivery, so two nodes never give one message its channels twice.
            var claimed = await db.Notifications.Where(n => n.Id == id && n.RoutedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(n => n.RoutedAt, now), cancellationToken);
            if (claimed != 1)
            {
                continue;
            }

            var notification = await db.Notifications.SingleAsync(n => n.Id == id, cancellationToken);
            if (notification.Gathered > 0)
            {
                await GatherIntoAsync(db, notification, now, cancellationToken);
            }

            var routes = await db.NotificationRoutes.AsNoTracking().Where(r => r.TenantId == notification.TenantId && r.Recipient == notification.Recipient).ToListAsync(cancellationToken);
            var chosen = NotificationRoutingRules.Choose(routes, notification.Kind);
            if (chosen.Count == 0)
            {
                // Honest about it: a message nobody can receive is a failure the dispatcher must see, not a "sent".
                notification.Status = NotificationStatus.Failed;
                notification.LastError = $"no channel chosen for {notification.Recipient} ({notification.Kind})";
                CloudMetrics.CountNotification("none", "failed");
            }
            else
            {
                notification.Deliveries.AddRange(chosen.Select(r => new NotificationDelivery { Channel = r.Channel, Address = r.Address, Secret = r.Secret, NextAttemptAt = now }));
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>
    /// docs/service-rules.md §7.5: the messages of the carrier's kind to its person that wait behind it are claimed
    /// for it in one conditional update (another node's claim of one excludes it here), and the carrier then says
    /// how many it carries and quotes the latest. Each claimed one keeps its row, marked gathered into the carrier.
    /// </summary>
    private async Task GatherIntoAsync(CloudDb db, Notification carrier, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var claimed = await db.Notifications
            .Where(n => n.TenantId == carrier.TenantId && n.Recipient == carrier.Recipient && n.Kind == carrier.Kind && n.Gathered > 0 && n.RoutedAt == null && n.Id > carrier.Id)
            .ExecuteUpdateAsync(u => u.SetProperty(n => n.RoutedAt, now).SetProperty(n => n.Status, NotificationStatus.Gathered).SetProperty(n => n.GatheredIntoId, carrier.Id), cancellationToken);
        if (claimed == 0)
        {
            return;
        }

        var latest = await db.Notifications.AsNoTracking().Where(n => n.GatheredIntoId == carrier.Id).OrderByDescending(n => n.Id).Select(n => n.Message).FirstAsync(cancellationToken);
        carrier.Gathered = 1 + claimed;
        using (language.Use(db, carrier.Recipient))
        {
            carrier.Message = GatheredNoticeText.Write(carrier.Gathered, carrier.CreatedAt, latest, language.Text);
        }

        CloudMetrics.CountNotification("outbox", "gathered");
        LogGathered(log, claimed, carrier.Id, carrier.Recipient, carrier.Kind);
    }

    /// <summary>An e-mail delivery is as far as its row in the mail queue.</summary>
    private async Task FollowMailAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        var waiting = await db.NotificationDeliveries.Where(d => d.Status == DeliveryStatus.Queued && d.MailId != null).Take(Batch).ToListAsync(cancellationToken);
        if (waiting.Count == 0)
        {
            return;
        }

        var ids = waiting.Select(d => d.MailId!.Value).ToList();
        var mails = await db.MailQueue.AsNoTracking().Where(m => ids.Contains(m.Id) && m.Status != MailStatus.Queued).ToDictionaryAsync(m => m.Id, cancellationToken);
        var changed = new HashSet<long>();
        foreach (var delivery in waiting)
        {
            if (mails.TryGetValue(delivery.MailId!.Value, out var m))
            {
                (delivery.Status, delivery.SentAt, delivery.LastError) = m.Status == MailStatus.Sent
                    ? (DeliveryStatus.Sent, m.SentAt, (string?)null)
                    : (DeliveryStatus.Failed, (DateTimeOffset?)null, m.LastError);
                delivery.Attempts = m.Attempts;
                changed.Add(delivery.NotificationId);
            }
        }

        await UpdateMessagesAsync(db, changed, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<bool> DeliverAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        // The lease: every quick retry of one pass with its timeout, after which another node may try.
        var lease = now + TimeSpan.FromSeconds(o.TimeoutSeconds * (o.HttpRetries + 2));
        var claimed = await db.NotificationDeliveries
            .Where(d => d.Id == id && d.Status == DeliveryStatus.Queued && d.NextAttemptAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.NextAttemptAt, lease), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var delivery = await db.NotificationDeliveries.SingleAsync(d => d.Id == id, cancellationToken);
        var notification = await db.Notifications.Include(n => n.Deliveries).SingleAsync(n => n.Id == delivery.NotificationId, cancellationToken);
        using var span = CloudTelemetry.Start("notification send", ActivityKind.Client, notification.TraceParent)?
            .SetTag("aftersales.notification.id", notification.Id).SetTag("aftersales.notification.channel", delivery.Channel.ToString());
        delivery.Attempts++;
        var channel = delivery.Channel.ToString().ToLowerInvariant();
        if (delivery.Channel == NotificationChannel.Email)
        {
            var row = MailFor(db, notification, delivery);
            db.MailQueue.Add(row);
            await db.SaveChangesAsync(CancellationToken.None);
            delivery.MailId = row.Id;
            await db.SaveChangesAsync(CancellationToken.None);
            return false;
        }

        try
        {
            await _channels[delivery.Channel].SendAsync(Envelope(db, notification, delivery), cancellationToken);
            (delivery.Status, delivery.SentAt, delivery.LastError) = (DeliveryStatus.Sent, time.GetUtcNow(), null);
            CloudMetrics.CountNotification(channel, "sent");
            LogSent(log, notification.Id, delivery.Channel, notification.Recipient, delivery.Attempts);
        }
        catch (NoticeRefusedException ex)
        {
            var reason = ex.Message.Length > NotificationConfiguration.ErrorChars ? ex.Message[..NotificationConfiguration.ErrorChars] : ex.Message;
            delivery.LastError = reason;
            span?.SetStatus(ActivityStatusCode.Error, reason);
            if (ex.Permanent || delivery.Attempts >= o.MaxAttempts)
            {
                delivery.Status = DeliveryStatus.Failed;
                CloudMetrics.CountNotification(channel, "failed");
                LogFailed(log, notification.Id, delivery.Channel, notification.Recipient, delivery.Attempts, reason);
            }
            else
            {
                delivery.NextAttemptAt = time.GetUtcNow() + MailBackoff.After(delivery.Attempts, TimeSpan.FromSeconds(o.FirstRetrySeconds));
                CloudMetrics.CountNotification(channel, "retried");
                LogRetry(log, notification.Id, delivery.Channel, delivery.Attempts, delivery.NextAttemptAt, reason);
            }
        }

        Apply(notification);
        // Not the pass's token: the outcome of a message that went out must be recorded even at shutdown.
        await db.SaveChangesAsync(CancellationToken.None);
        return delivery.Status == DeliveryStatus.Sent;
    }

    /// <summary>The message as the channel shows it, its title and link line in the recipient's language.</summary>
    private NoticeEnvelope Envelope(CloudDb db, Notification notification, NotificationDelivery delivery)
    {
        using var scope = language.Use(db, notification.Recipient);
        return NoticeTextComposer.Compose(notification, delivery, options.Value.PublicBaseUrl, language.Text);
    }

    private QueuedMail MailFor(CloudDb db, Notification notification, NotificationDelivery delivery)
    {
        var envelope = Envelope(db, notification, delivery);
        var now = time.GetUtcNow();
        var row = new QueuedMail { CreatedAt = now, NextAttemptAt = now, To = delivery.Address, Subject = envelope.Title, TextBody = envelope.Text, TraceParent = notification.TraceParent };
        if (string.IsNullOrWhiteSpace(mail.Value.Host))
        {
            row.Status = MailStatus.Failed;
            row.LastError = "no SMTP host is configured (Mail:Host)";
        }

        return row;
    }

    private static async Task UpdateMessagesAsync(CloudDb db, HashSet<long> ids, CancellationToken cancellationToken)
    {
        var messages = await db.Notifications.Include(n => n.Deliveries).Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
        messages.ForEach(Apply);
    }

    private static void Apply(Notification notification) =>
        (notification.Status, notification.SentAt, notification.LastError) = NotificationStatusRules.Of(notification.Deliveries, notification.OpenedAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Count} waiting messages gathered into notification {NotificationId} to {Recipient} ({Kind})")]
    private static partial void LogGathered(ILogger logger, int count, long notificationId, string recipient, NoticeKind kind);

    [LoggerMessage(Level = LogLevel.Information, Message = "Notification {NotificationId} sent by {Channel} to {Recipient} (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, long notificationId, NotificationChannel channel, string recipient, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {NotificationId} by {Channel}: attempt {Attempt} failed; next try at {NextAttemptAt:u}: {Reason}")]
    private static partial void LogRetry(ILogger logger, long notificationId, NotificationChannel channel, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {NotificationId} by {Channel} to {Recipient} failed for good after {Attempts} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, long notificationId, NotificationChannel channel, string recipient, int attempts, string reason);
}
