namespace AfterSales.Cloud.Notifications;

/// <summary>
/// An outbox row: written in the same transaction as the change it announces, so a message is
/// never lost nor sent for a change that rolled back. No SMS gateway is wired yet; the log is the channel.
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary><c>technician:ID</c>, <c>supervisor</c> or <c>dispatcher</c>.</summary>
    public required string Recipient { get; set; }

    public long? TicketId { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset? SentAt { get; set; }
}
