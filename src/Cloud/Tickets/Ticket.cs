using System.Linq.Expressions;
using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Tickets.Lifecycle;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets;

/// <summary>
/// A maintenance ticket: one per (site, device, fault code) while open. The SLA figures are
/// fixed when the ticket opens, so a later change of zones never moves a promised deadline.
/// State changes only through the methods in the <c>Ticket.*.cs</c> files, which keep the
/// lifecycle rules (docs/service-rules.md §2); EF Core writes the private setters.
/// </summary>
public sealed partial class Ticket
{
    /// <summary>
    /// "A technician is on the job": assigned and in a working state. The one definition, written
    /// as an expression so the stores can filter by it in SQL.
    /// </summary>
    public static readonly Expression<Func<Ticket, bool>> Assigned = t => t.TechnicianId != null
        && (t.Status == TicketStatus.Dispatched || t.Status == TicketStatus.Accepted || t.Status == TicketStatus.EnRoute || t.Status == TicketStatus.OnSite);

    private static readonly Func<Ticket, bool> AssignedCheck = Assigned.Compile();

    /// <summary>For EF Core, which materialises stored tickets; new ones come from <see cref="Open"/>.</summary>
    private Ticket()
    {
    }

    public long Id { get; private set; }

    public string SiteId { get; private set; } = string.Empty;

    public string DeviceId { get; private set; } = string.Empty;

    public DeviceKind DeviceKind { get; private set; }

    public string Fault { get; private set; } = string.Empty;

    public FaultSeverity Severity { get; private set; }

    /// <summary>When the SLA clock started: the fault's time, never later than when the cloud heard of it.</summary>
    public DateTimeOffset OpenedAt { get; private set; }

    /// <summary>When the fault was last seen cleared on site; null while it is active.</summary>
    public DateTimeOffset? RestoredAt { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public string? CentreId { get; private set; }

    public string Zone { get; private set; } = string.Empty;

    public double? DistanceKm { get; private set; }

    public DateTimeOffset? ArrivalDueAt { get; private set; }

    /// <summary>No zone and no contract figure: a human must set the deadline.</summary>
    public bool NeedsHuman { get; private set; }

    public int RaiseCount { get; private set; }

    /// <summary>The gateway sequence of the newest event applied, so a late older event cannot undo a newer one.</summary>
    public long LastSeq { get; private set; }

    public string? LastGatewayId { get; private set; }

    public List<TicketOccurrence> Occurrences { get; } = [];

    public TicketStatus Status { get; private set; }

    /// <summary>When the ticket was first opened; <see cref="OpenedAt"/> restarts when a repeat reopens it.</summary>
    public DateTimeOffset FirstOpenedAt { get; private set; }

    public string? TechnicianId { get; private set; }

    public DateTimeOffset? DispatchedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public DateTimeOffset? ArrivedAt { get; private set; }

    public DateTimeOffset? ResolvedAt { get; private set; }

    /// <summary>The fault flapped: several raises in a short window, one ticket.</summary>
    public bool Intermittent { get; private set; }

    /// <summary>How often the same fault came back within the repeat window after the ticket closed.</summary>
    public int RepeatCount { get; private set; }

    /// <summary>Closed because the fault cleared before anyone went out; still counted in reports.</summary>
    public bool SelfRestored { get; private set; }

    /// <summary>The site incident this ticket belongs to; null when it stands alone.</summary>
    public long? IncidentId { get; private set; }

    /// <summary>Attached to an active power or uplink incident: follows from it and is not dispatched separately.</summary>
    public bool FollowsRootCause { get; private set; }

    /// <summary>Minor faults may run on the business-hours clock (docs/service-rules.md §1.7).</summary>
    public bool BusinessHoursClock { get; private set; }

    public DateTimeOffset? AcknowledgeDueAt { get; private set; }

    public DateTimeOffset? ResolutionDueAt { get; private set; }

    /// <summary>Set while the clock waits for the customer (no access, customer asked to wait).</summary>
    public DateTimeOffset? PausedAt { get; private set; }

    /// <summary>The resolution target was missed: a loaner device of the same class is due (docs/service-rules.md §1.10).</summary>
    public DateTimeOffset? LoanerRequiredAt { get; private set; }

    public string? Resolution { get; private set; }

    /// <summary>When the technician told the customer he would be there (docs/service-rules.md §1.13); null until he did.</summary>
    public DateTimeOffset? PromisedArrivalAt { get; private set; }

    /// <summary>Which visit this is: 1, then one more each time the ticket is reopened. Parts and signatures belong to a visit.</summary>
    public int Visit { get; private set; } = 1;

    /// <summary>See <see cref="Assigned"/>.</summary>
    public bool IsAssigned => AssignedCheck(this);

    /// <summary>A new ticket for a raised fault, placed by the arrival assessment of its site.</summary>
    public static Ticket Open(FaultEvent raised, DateTimeOffset receivedAt, ArrivalAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(raised);
        ArgumentNullException.ThrowIfNull(assessment);
        var openedAt = TicketRules.ClockStart(raised, receivedAt);
        return new Ticket
        {
            SiteId = raised.SiteId,
            DeviceId = raised.DeviceId,
            DeviceKind = raised.DeviceKind,
            Fault = raised.Fault,
            Severity = raised.Severity,
            OpenedAt = openedAt,
            FirstOpenedAt = openedAt,
            CentreId = assessment.CentreId,
            Zone = assessment.Zone,
            DistanceKm = assessment.DistanceKm,
            NeedsHuman = assessment.NeedsHuman,
            RaiseCount = 1,
            LastSeq = raised.Seq,
            LastGatewayId = raised.GatewayId,
        };
    }

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

    /// <summary>Refuses a command the ticket's rules forbid; the message is for the person who asked.</summary>
    private static void RefuseUnless(bool condition, string message)
    {
        if (!condition)
        {
            throw new WorkflowRefusedException(message);
        }
    }
}
