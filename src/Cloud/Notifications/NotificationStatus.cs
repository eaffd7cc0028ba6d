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

    /// <summary>Carried by a later-routed message of its kind to the same person (<see cref="Notification.GatheredIntoId"/>, docs/service-rules.md §7.5).</summary>
    Gathered,
}
