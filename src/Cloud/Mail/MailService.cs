using System.Net;
using System.Net.Mail;
using System.Net.Mime;
using Microsoft.Extensions.Options;

namespace AfterSales.Cloud.Mail;

/// <summary>Sends mail over SMTP (System.Net.Mail). Returns false, logged, when no relay is configured.</summary>
internal sealed partial class MailService(IOptions<MailOptions> options, ILogger<MailService> log)
{
    public MailOptions Options => options.Value;

    public async Task<bool> SendAsync(OutgoingMail mail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mail);
        var o = options.Value;
        if (string.IsNullOrWhiteSpace(o.Host))
        {
            LogNoRelay(log, mail.Subject);
            return false;
        }

        if (mail.To.Count == 0)
        {
            LogNoRecipients(log, mail.Subject);
            return false;
        }

        using var message = new MailMessage { From = new MailAddress(o.From), Subject = mail.Subject, Body = mail.TextBody };
        foreach (var to in mail.To)
        {
            message.To.Add(to);
        }

        if (mail.HtmlBody is not null)
        {
            message.AlternateViews.Add(AlternateView.CreateAlternateViewFromString(mail.HtmlBody, System.Text.Encoding.UTF8, MediaTypeNames.Text.Html));
        }

        foreach (var a in mail.Attachments ?? [])
        {
            // MailMessage disposes the attachments and their streams with itself.
            message.Attachments.Add(new Attachment(new MemoryStream(a.Content), a.FileName, a.ContentType));
        }

        using var client = new SmtpClient(o.Host, o.Port) { EnableSsl = o.EnableSsl };
        if (o.UserName is not null)
        {
            client.Credentials = new NetworkCredential(o.UserName, o.Password);
        }

        await client.SendMailAsync(message, cancellationToken);
        LogSent(log, mail.Subject, mail.To.Count);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail '{Subject}' not sent: no SMTP host is configured (Mail:Host)")]
    private static partial void LogNoRelay(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail '{Subject}' not sent: no recipients")]
    private static partial void LogNoRecipients(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail '{Subject}' sent to {Count} recipients")]
    private static partial void LogSent(ILogger logger, string subject, int count);
}
