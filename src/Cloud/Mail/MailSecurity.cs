namespace AfterSales.Cloud.Mail;

/// <summary>How the link to the relay is protected.</summary>
public enum MailSecurity
{
    /// <summary>Plain SMTP: only for a relay on the same host or a trusted network.</summary>
    None,

    /// <summary>Plain connection upgraded with STARTTLS (submission port 587); refused if the relay does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (SMTPS, port 465: the usual port of hosted mail in China).</summary>
    SslOnConnect,
}
