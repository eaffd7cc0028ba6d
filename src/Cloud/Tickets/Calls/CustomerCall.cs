using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets.Calls;

/// <summary>
/// A fault a person reported: who called, what they saw, where to call back. It opens (or joins)
/// a ticket through the same desk and SLA engine as a gateway's fault, the clock starting at the
/// call (docs/service-rules.md §2.15).
/// </summary>
public sealed class CustomerCall
{
    public const int SymptomMaxLength = 1000;

    public long Id { get; set; }

    public long TicketId { get; set; }

    public required string SiteId { get; set; }

    /// <summary>The inventory device the caller means, or <c>reported-{kind}</c> when they could not say which.</summary>
    public required string DeviceId { get; set; }

    public required string Symptom { get; set; }

    public required string CallerName { get; set; }

    public required string CallbackPhone { get; set; }

    public FaultSeverity Severity { get; set; }

    /// <summary>When the customer called (the SLA clock's start); may be before it was recorded.</summary>
    public DateTimeOffset CalledAt { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    /// <summary>The dispatcher who took the call, or <c>portal</c>.</summary>
    public required string RecordedBy { get; set; }
}
