namespace AfterSales.Cloud.Notifications;

public enum DeliveryStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="NotificationDelivery.NextAttemptAt"/>), or in the mail queue.</summary>
    Queued,

    /// <summary>The provider accepted it (HTTP 2xx and, for the robots, errcode 0; the relay for mail).</summary>
    Sent,

    /// <summary>Given up: a permanent refusal, or every attempt failed.</summary>
    Failed,
}
