namespace AfterSales.Cloud.Notifications;

/// <summary>
/// One message to one person (or role), written in the same transaction as the change it
/// announces, so a message is never lost nor sent for a change that rolled back. Delivery happens
/// later, outside the request, through the channels the person chose (<see cref="NotificationDelivery"/>);
/// <see cref="Status"/> says how far it got (docs/service-rules.md §7.1).
/// </summary>
public sealed class Notification
{
    public long Id { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>
    /// The service company the message belongs to: the company of its ticket's site, of the customer's site
    /// or of the technician (<see cref="INotificationTenantStore"/>). Only that company's people see it, and its
    /// "supervisor" and "dispatcher" are that company's routes (docs/security.md, "Tenants").
    /// </summary>
    public string TenantId { get; set; } = Auth.Tenants.Default;

    /// <summary><c>technician:ID</c>, <c>supervisor</c>, <c>dispatcher</c> or <c>customer:SITE</c>.</summary>
    public required string Recipient { get; set; }

    public NoticeKind Kind { get; set; }

    public long? TicketId { get; set; }

    public required string Message { get; set; }

    /// <summary>
    /// Whether the delivery worker gathers messages like this one (docs/service-rules.md §7.5): 0 for a message
    /// that gathers none; 1 for an escalation that does, and, once routed, how many it carries.
    /// </summary>
    public int Gathered { get; set; }

    /// <summary>The message this one was gathered into (its status is then <see cref="NotificationStatus.Gathered"/>).</summary>
    public long? GatheredIntoId { get; set; }

    /// <summary>The secret part of the link in the message (<c>/n/{token}</c>): following it opens the job and records <see cref="OpenedAt"/>.</summary>
    public string? Token { get; set; }

    /// <summary>Where the link leads, relative to the service's public address (<c>/jobs/42</c>).</summary>
    public string? LinkPath { get; set; }

    public NotificationStatus Status { get; set; }

    /// <summary>When the channels were chosen; null while the message waits for the delivery worker.</summary>
    public DateTimeOffset? RoutedAt { get; set; }

    /// <summary>When the first channel took the message; null while nothing took it.</summary>
    public DateTimeOffset? SentAt { get; set; }

    public DateTimeOffset? OpenedAt { get; set; }

    /// <summary>Why it failed, when every channel failed or none was chosen.</summary>
    public string? LastError { get; set; }

    /// <summary>The trace of the change that wrote it, so the delivery spans join that trace.</summary>
    public string? TraceParent { get; set; }

    public List<NotificationDelivery> Deliveries { get; set; } = [];
}
