namespace AfterSales.Cloud.Notifications;

/// <summary>One message through one channel to one address, with its own attempts and outcome.</summary>
public sealed class NotificationDelivery
{
    public long Id { get; set; }

    public long NotificationId { get; set; }

    public NotificationChannel Channel { get; set; }

    /// <summary>Webhook URL, phone number, e-mail address or Web Push subscription (JSON), copied from the route when the message was routed.</summary>
    public required string Address { get; set; }

    /// <summary>DingTalk's signing secret, when the robot is the signed kind.</summary>
    public string? Secret { get; set; }

    public DeliveryStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this instant; also the lease of the node sending it now.</summary>
    public DateTimeOffset NextAttemptAt { get; set; }

    public DateTimeOffset? SentAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The mail-queue row an e-mail delivery was handed to; its outcome becomes this delivery's.</summary>
    public long? MailId { get; set; }
}
