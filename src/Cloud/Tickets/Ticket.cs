using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets;

/// <summary>
/// A maintenance ticket: one per (site, device, fault code) while open. The SLA figures are
/// fixed when the ticket opens, so a later change of zones never moves a promised deadline.
/// </summary>
public sealed class Ticket
{
    public long Id { get; set; }

    public required string SiteId { get; set; }

    public required string DeviceId { get; set; }

    public DeviceKind DeviceKind { get; set; }

    public required string Fault { get; set; }

    public FaultSeverity Severity { get; set; }

    /// <summary>When the SLA clock started: the fault's time, never later than when the cloud heard of it.</summary>
    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When the fault was last seen cleared on site; null while it is active.</summary>
    public DateTimeOffset? RestoredAt { get; set; }

    public DateTimeOffset? ClosedAt { get; set; }

    public string? CentreId { get; set; }

    public required string Zone { get; set; }

    public double? DistanceKm { get; set; }

    public DateTimeOffset? ArrivalDueAt { get; set; }

    /// <summary>No zone and no contract figure: a human must set the deadline.</summary>
    public bool NeedsHuman { get; set; }

    public int RaiseCount { get; set; }

    /// <summary>The gateway sequence of the newest event applied, so a late older event cannot undo a newer one.</summary>
    public long LastSeq { get; set; }

    public string? LastGatewayId { get; set; }

    public List<TicketOccurrence> Occurrences { get; } = [];
}
