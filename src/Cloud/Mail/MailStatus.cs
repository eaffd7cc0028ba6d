namespace AfterSales.Cloud.Mail;

public enum MailStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="QueuedMail.NextAttemptAt"/>).</summary>
    Queued,

    Sent,

    /// <summary>Given up: a permanent refusal, or every attempt failed. <see cref="QueuedMail.LastError"/> says why.</summary>
    Failed,
}
