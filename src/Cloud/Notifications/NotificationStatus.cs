namespace AfterSales.Cloud.Notifications;

public enum NotificationStatus
{
    /// <summary>Written; no channel has taken it yet (some may still be trying).</summary>
    Queued,

    /// <summary>At least one channel took it.</summary>
    Sent,

    /// <summary>No channel was chosen, or every chosen channel gave up; <see cref="Notification.LastError"/> says why.</summary>
    Failed,

    /// <summary>The recipient followed the link in it.</summary>
    Opened,
}
