namespace AfterSales.Cloud.Mail;

/// <summary>
/// One message in the durable mail queue. The request that wants mail only writes this row;
/// <see cref="MailDeliveryService"/> talks to the relay later, so a slow or broken relay never fails
/// the job close or report run that asked for the mail.
/// </summary>
public sealed class QueuedMail
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Recipients, comma-separated.</summary>
    public required string To { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public string? HtmlBody { get; set; }

    public List<QueuedMailAttachment> Attachments { get; set; } = [];

    public MailStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this instant; also the lease of the node sending it now.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The trace of the work that queued it, so the delivery span joins that trace.</summary>
    public string? TraceParent { get; set; }
}
