namespace AfterSales.Cloud.Mail;

public sealed record MailAttachment(string FileName, string ContentType, byte[] Content);

public sealed record OutgoingMail(IReadOnlyList<string> To, string Subject, string TextBody, string? HtmlBody = null, IReadOnlyList<MailAttachment>? Attachments = null);
