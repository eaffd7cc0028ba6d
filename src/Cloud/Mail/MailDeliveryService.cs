using System.Diagnostics;
using AfterSales.Cloud.Mail;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Mail;

/// <summary>
/// Works the mail queue: claims each due message (a conditional update, so of several nodes one
/// sends it), sends it, and records sent, a retry with backoff, or failed with the reason.
/// </summary>
internal sealed partial class MailDeliveryService(
    IDbContextFactory<CloudDb> dbs,
    SmtpRelayClient relay,
    IOptions<MailOptions> options,
    TimeProvider time,
    ILogger<MailDeliveryService> log)
{
    private const int Batch = 50;

    /// <summary>Sends what is due now; returns how many were sent.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<long> due;
        await using (var db = await dbs.CreateDbContextAsync(cancellationToken))
        {
            due = await db.MailQueue.AsNoTracking()
                .Where(m => m.Status == MailStatus.Queued && m.NextAttemptAt <= now)
                .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id)
                .Select(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
        }

        var sent = 0;
        foreach (var id in due)
        {
            sent += await DeliverAsync(id, now, cancellationToken) ? 1 : 0;
        }

        return sent;
    }

    private async Task<bool> DeliverAsync(long id, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var o = options.Value;
        await using var db = await dbs.CreateDbContextAsync(cancellationToken);
        // The lease: long enough for one delivery with every timeout used, after which another node may try.
        var lease = now + TimeSpan.FromSeconds(o.TimeoutSeconds * 4);
        var claimed = await db.MailQueue
            .Where(m => m.Id == id && m.Status == MailStatus.Queued && m.NextAttemptAt <= now)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.NextAttemptAt, lease), cancellationToken);
        if (claimed != 1)
        {
            return false;
        }

        var mail = await db.MailQueue.Include(m => m.Attachments).SingleAsync(m => m.Id == id, cancellationToken);
        using var span = CloudTelemetry.Start("mail send", ActivityKind.Client, mail.TraceParent)?.SetTag("aftersales.mail.id", mail.Id);
        mail.Attempts++;
        try
        {
            await relay.SendAsync(MailComposer.Compose(mail, o.From), cancellationToken);
            (mail.Status, mail.SentAt, mail.LastError) = (MailStatus.Sent, time.GetUtcNow(), null);
            CloudMetrics.CountNotification("mail", "sent");
            LogSent(log, mail.Id, mail.Subject, mail.Attempts);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var reason = $"{ex.GetType().Name}: {ex.Message}";
            mail.LastError = reason.Length > QueuedMailConfiguration.ErrorChars ? reason[..QueuedMailConfiguration.ErrorChars] : reason;
            span?.SetStatus(ActivityStatusCode.Error, mail.LastError);
            if (IsPermanent(ex) || mail.Attempts >= o.MaxAttempts)
            {
                mail.Status = MailStatus.Failed;
                CloudMetrics.CountNotification("mail", "failed");
                LogFailed(log, mail.Id, mail.Subject, mail.Attempts, mail.LastError);
            }
            else
            {
                mail.NextAttemptAt = time.GetUtcNow() + MailBackoff.After(mail.Attempts, TimeSpan.FromSeconds(o.FirstRetrySeconds));
                CloudMetrics.CountNotification("mail", "retried");
                LogRetry(log, mail.Id, mail.Subject, mail.Attempts, mail.NextAttemptAt, mail.LastError);
            }
        }

        // Not the request's token: the outcome of a message that went out must be recorded even at shutdown.
        await db.SaveChangesAsync(CancellationToken.None);
        return mail.Status == MailStatus.Sent;
    }

    /// <summary>A 5xx answer (mailbox unknown, sender refused) will not change by trying again.</summary>
    private static bool IsPermanent(Exception ex) => ex is SmtpCommandException { StatusCode: >= (MailKit.Net.Smtp.SmtpStatusCode)500 };

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail {MailId} '{Subject}' sent (attempt {Attempt})")]
    private static partial void LogSent(ILogger logger, long mailId, string subject, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail {MailId} '{Subject}' attempt {Attempt} failed; next try at {NextAttemptAt:u}: {Reason}")]
    private static partial void LogRetry(ILogger logger, long mailId, string subject, int attempt, DateTimeOffset nextAttemptAt, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail {MailId} '{Subject}' failed for good after {Attempts} attempts: {Reason}")]
    private static partial void LogFailed(ILogger logger, long mailId, string subject, int attempts, string reason);
}
