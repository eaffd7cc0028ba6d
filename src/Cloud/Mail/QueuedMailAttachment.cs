namespace AfterSales.Cloud.Mail;

public sealed class QueuedMailAttachment
{
    public long Id { get; set; }

    public long QueuedMailId { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}
