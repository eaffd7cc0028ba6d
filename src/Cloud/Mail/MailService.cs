using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Mail;

/// <summary>
/// Puts mail in the durable queue (<see cref="QueuedMail"/>); <see cref="MailDeliveryService"/> sends it
/// later with retries. Returns false, logged, when no relay is configured, there are no
/// recipients, or the queue cannot be written — never throws, so mail cannot fail the caller's work.
/// </summary>
internal sealed partial class MailService(IDbContextFactory<CloudDb> dbs, IOptions<MailOptions> options, TimeProvider time, ILogger<MailService> log)
{
    public MailOptions Options => options.Value;

    public async Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (string.IsNullOrWhiteSpace(options.Value.Host))
        {
            LogNoRelay(log, mail.Subject);
            CloudMetrics.CountNotification("mail", "skipped");
            return false;
        }

        if (mail.To.Count == 0)
        {
            LogNoRecipients(log, mail.Subject);
            CloudMetrics.CountNotification("mail", "skipped");
            return false;
        }

        var now = time.GetUtcNow();
        var row = new QueuedMail
        {
            CreatedAt = now,
            NextAttemptAt = now,
            To = string.Join(", ", mail.To),
            Subject = mail.Subject,
            TextBody = mail.TextBody,
            HtmlBody = mail.HtmlBody,
            TraceParent = CloudTelemetry.CurrentTraceParent(),
            Attachments = [.. (mail.Attachments ?? []).Select(a => new QueuedMailAttachment { FileName = a.FileName, ContentType = a.ContentType, Content = a.Content })],
        };
        try
        {
            await using var db = await dbs.CreateDbContextAsync(cancellationToken);
            db.Add(row);
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogQueueFailed(log, mail.Subject, ex);
            CloudMetrics.CountNotification("mail", "failed");
            return false;
        }

        CloudMetrics.CountNotification("mail", "queued");
        LogQueued(log, row.Id, mail.Subject, mail.To.Count);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail '{Subject}' not sent: no SMTP host is configured (Mail:Host)")]
    private static partial void LogNoRelay(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail '{Subject}' not sent: no recipients")]
    private static partial void LogNoRecipients(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} '{Subject}' queued for {Count} recipients")]
    private static partial void LogQueued(ILogger logger, long mailId, string subject, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail '{Subject}' could not be queued")]
    private static partial void LogQueueFailed(ILogger logger, string subject, Exception exception);
}
