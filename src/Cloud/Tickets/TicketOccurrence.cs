using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets;

/// <summary>One fault event as received; its unique <see cref="EventId"/> makes ingest idempotent.</summary>
public sealed class TicketOccurrence
{
    public long Id { get; set; }

    public Guid EventId { get; set; }

    /// <summary>Null for a clear that arrived with no open ticket: kept so nothing is lost and a replay stays a duplicate.</summary>
    public long? TicketId { get; set; }

    public required string SiteId { get; set; }

    public required string DeviceId { get; set; }

    public required string Fault { get; set; }

    public FaultState State { get; set; }

    public string? GatewayId { get; set; }

    /// <summary>Gateway sequence number; 0 for events the cloud raises itself.</summary>
    public long Seq { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    /// <summary>True when the event was recorded but did not change the ticket (older than one already applied).</summary>
    public bool Stale { get; set; }
}
