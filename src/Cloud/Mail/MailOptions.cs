using System.ComponentModel.DataAnnotations;
using AfterSales.Cloud.Mail;

namespace AfterSales.Cloud.Mail;

/// <summary>The SMTP relay reports and notices go out through. Without a host, mail is logged and skipped.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Mail:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 25;

    /// <summary>Older switch: true means STARTTLS (or implicit TLS on port 465) when <see cref="Security"/> is not set.</summary>
    public bool EnableSsl { get; set; }

    /// <summary><c>None</c>, <c>StartTls</c> or <c>SslOnConnect</c>; unset: from <see cref="EnableSsl"/> and the port.</summary>
    public MailSecurity? Security { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "AfterSales <reports@aftersales.local>";

    /// <summary>The public address of this service, for links in mail (survey, report).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";

    /// <summary>Connecting, each SMTP command, and the whole delivery of one message each give up after this.</summary>
    [Range(1, 600, ErrorMessage = "Mail:TimeoutSeconds must be between 1 and 600.")]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>
    /// SHA-256 fingerprint (hex) of a relay certificate to accept although no trusted authority
    /// signed it: an in-house relay with a self-signed certificate. Any other invalid certificate is refused.
    /// </summary>
    [RegularExpression("^([0-9A-Fa-f]{2}:?){31}[0-9A-Fa-f]{2}$", ErrorMessage = "Mail:TrustedCertificateSha256 must be a SHA-256 fingerprint: 64 hex digits, colons allowed.")]
    public string? TrustedCertificateSha256 { get; set; }

    /// <summary>Attempts per message before it is marked failed.</summary>
    [Range(1, 100, ErrorMessage = "Mail:MaxAttempts must be between 1 and 100.")]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>Wait after the first failure; doubles with each further one, up to an hour.</summary>
    [Range(1, 3600, ErrorMessage = "Mail:FirstRetrySeconds must be between 1 and 3600.")]
    public int FirstRetrySeconds { get; set; } = 60;

    /// <summary>How often the queue is checked for mail to send.</summary>
    [Range(1, 3600, ErrorMessage = "Mail:PollSeconds must be between 1 and 3600.")]
    public int PollSeconds { get; set; } = 5;

    public MailSecurity EffectiveSecurity => Security ?? (Port == 465 ? MailSecurity.SslOnConnect : EnableSsl ? MailSecurity.StartTls : MailSecurity.None);
}
