namespace AfterSales.Cloud.Tests.Support;

public enum SmtpSinkTls
{
    None,

    /// <summary>TLS from the first byte, as on port 465.</summary>
    Implicit,

    /// <summary>Plain greeting, STARTTLS offered, mail refused until the client upgrades.</summary>
    StartTls,
}
