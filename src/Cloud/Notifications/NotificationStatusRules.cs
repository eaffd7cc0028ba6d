namespace AfterSales.Cloud.Notifications;

/// <summary>A message's standing from its deliveries (docs/service-rules.md §7.1): sent only when a channel really took it.</summary>
internal static class NotificationStatusRules
{
    public static (NotificationStatus Status, DateTimeOffset? SentAt, string? Error) Of(IReadOnlyCollection<NotificationDelivery> deliveries, DateTimeOffset? openedAt)
    {
        var sentAt = deliveries.Where(d => d.Status == DeliveryStatus.Sent).Min(d => d.SentAt);
        var failed = deliveries.Where(d => d.Status == DeliveryStatus.Failed).ToList();
        var error = failed.Count == 0 ? null : string.Join("; ", failed.Select(d => $"{d.Channel}: {d.LastError}"));
        if (openedAt is not null)
        {
            return (NotificationStatus.Opened, sentAt, error);
        }

        if (sentAt is not null)
        {
            return (NotificationStatus.Sent, sentAt, error);
        }

        return deliveries.Count > 0 && failed.Count == deliveries.Count ? (NotificationStatus.Failed, null, error) : (NotificationStatus.Queued, null, error);
    }
}
