using AfterSales.Cloud.Sla;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets.History;

/// <summary>A span of time a device was down (a fault raised until it cleared); End null while still down.</summary>
public readonly record struct Outage(DateTimeOffset Start, DateTimeOffset? End);

/// <summary>
/// Everything the reports and KPIs need to know about one ticket, independent of how the ticket
/// book stores it. Built by <see cref="TicketFactsMapping"/>; null means "not recorded".
/// </summary>
public sealed record TicketFacts
{
    public required long TicketId { get; init; }

    public required string SiteId { get; init; }

    public required string DeviceId { get; init; }

    public DeviceKind DeviceKind { get; init; }

    public required string Fault { get; init; }

    public FaultSeverity Severity { get; init; }

    public string Zone { get; init; } = string.Empty;

    public string? TechnicianId { get; init; }

    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? AcknowledgedAt { get; init; }

    public DateTimeOffset? ArrivedAt { get; init; }

    /// <summary>The technician declared the repair done.</summary>
    public DateTimeOffset? ResolvedAt { get; init; }

    /// <summary>The fault was last seen cleared on site (by the gateway).</summary>
    public DateTimeOffset? RestoredAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public DateTimeOffset? AcknowledgeDueAt { get; init; }

    public DateTimeOffset? ArrivalDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    /// <summary>Needed a second visit (or more) for the same fault: not a first-time fix.</summary>
    public int Visits { get; init; }

    /// <summary>The same fault on the same device was ticketed within the previous 30 days.</summary>
    public bool Repeat { get; init; }

    /// <summary>Faults found by an inspection are defects to fix, not outages of the device.</summary>
    public bool CountsAsDowntime { get; init; } = true;

    public IReadOnlyList<Outage> Outages { get; init; } = [];

    /// <summary>When the customer was back to normal: the repair, else the fault clearing on site.</summary>
    public DateTimeOffset? FixedAt => ResolvedAt ?? RestoredAt;

    /// <summary>Cleared on site before anyone arrived: no visit was needed.</summary>
    public bool SelfRestored => ArrivedAt is null && RestoredAt is not null && (ClosedAt is not null || ResolvedAt is null);

    public SlaOutcome AcknowledgeOutcome(DateTimeOffset asOf) => SlaJudge.Acknowledge(AcknowledgedAt, AcknowledgeDueAt, asOf);

    public SlaOutcome ArrivalOutcome(DateTimeOffset asOf) => SlaJudge.Arrival(ArrivedAt, ArrivalDueAt, RestoredAt, asOf);

    public SlaOutcome RepairOutcome(DateTimeOffset asOf) => SlaJudge.Repair(FixedAt, ResolutionDueAt, asOf);
}
