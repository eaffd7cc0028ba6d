using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Tickets.Lifecycle;
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

    public TicketStatus Status { get; set; }

    /// <summary>When the ticket was first opened; <see cref="OpenedAt"/> restarts when a repeat reopens it.</summary>
    public DateTimeOffset FirstOpenedAt { get; set; }

    public string? TechnicianId { get; set; }

    public DateTimeOffset? DispatchedAt { get; set; }

    public DateTimeOffset? AcceptedAt { get; set; }

    public DateTimeOffset? ArrivedAt { get; set; }

    public DateTimeOffset? ResolvedAt { get; set; }

    /// <summary>The fault flapped: several raises in a short window, one ticket.</summary>
    public bool Intermittent { get; set; }

    /// <summary>How often the same fault came back within the repeat window after the ticket closed.</summary>
    public int RepeatCount { get; set; }

    /// <summary>Closed because the fault cleared before anyone went out; still counted in reports.</summary>
    public bool SelfRestored { get; set; }

    /// <summary>The site incident this ticket belongs to; null when it stands alone.</summary>
    public long? IncidentId { get; set; }

    /// <summary>Attached to an active power or uplink incident: follows from it and is not dispatched separately.</summary>
    public bool FollowsRootCause { get; set; }

    /// <summary>Minor faults may run on the business-hours clock (DOMAIN.md §6).</summary>
    public bool BusinessHoursClock { get; set; }

    public DateTimeOffset? AcknowledgeDueAt { get; set; }

    public DateTimeOffset? ResolutionDueAt { get; set; }

    /// <summary>Set while the clock waits for the customer (no access, customer asked to wait).</summary>
    public DateTimeOffset? PausedAt { get; set; }

    /// <summary>The resolution target was missed: a loaner device of the same class is due (DOMAIN.md §1).</summary>
    public DateTimeOffset? LoanerRequiredAt { get; set; }

    public string? Resolution { get; set; }

    /// <summary>Which visit this is: 1, then one more each time the ticket is reopened. Parts and signatures belong to a visit.</summary>
    public int Visit { get; set; } = 1;

    /// <summary>The moments this ticket's SLA clocks run on, for the SLA module to judge.</summary>
    public SlaProgress ToSlaProgress() => new()
    {
        OpenedAt = OpenedAt,
        DispatchedAt = DispatchedAt,
        AcceptedAt = AcceptedAt,
        ArrivedAt = ArrivedAt,
        ResolvedAt = ResolvedAt,
        AcknowledgeDueAt = AcknowledgeDueAt,
        ArrivalDueAt = ArrivalDueAt,
        ResolutionDueAt = ResolutionDueAt,
        PausedAt = PausedAt,
        NeedsHuman = NeedsHuman,
        Done = Status is TicketStatus.Resolved || TicketStateMachine.IsFinished(Status),
    };
}
