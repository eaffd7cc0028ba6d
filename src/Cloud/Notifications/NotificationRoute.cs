namespace AfterSales.Cloud.Notifications;

/// <summary>
/// A person's choice: messages of one kind (or of every kind, when <see cref="Kind"/> is null) go
/// to this address through this channel. A person may have several (a webhook and push).
/// </summary>
public sealed class NotificationRoute
{
    public long Id { get; set; }

    /// <summary>The service company whose messages this route carries; "supervisor" of one company is not another's.</summary>
    public string TenantId { get; set; } = Auth.Tenants.Default;

    /// <summary>The same key as <see cref="Notification.Recipient"/>.</summary>
    public required string Recipient { get; set; }

    public NoticeKind? Kind { get; set; }

    public NotificationChannel Channel { get; set; }

    public required string Address { get; set; }

    public string? Secret { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
