namespace AfterSales.Cloud.Mail;

/// <summary>The SMTP relay reports and notices go out through. Without a host, mail is logged and skipped.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "AfterSales <reports@aftersales.local>";

    /// <summary>The public address of this service, for links in mail (survey, report).</summary>
    public string PublicBaseUrl { get; set; } = "http://127.0.0.1:5080";
}
