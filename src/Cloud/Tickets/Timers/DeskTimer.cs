namespace AfterSales.Cloud.Tickets.Timers;

/// <summary>
/// A durable timer: a row, not an in-memory callback, so a restart fires whatever fell due while
/// the service was down, and of several nodes exactly one claims each firing.
/// </summary>
public sealed class DeskTimer
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public TimerKind Kind { get; set; }

    /// <summary>Share of the target used when this fires: 50, 75, 100 (the breach). 100 for non-SLA timers.</summary>
    public int Percent { get; set; }

    public DateTimeOffset DueAt { get; set; }

    /// <summary>
    /// The same target's marks after this one (<see cref="Sla.Timers.TimerMarks"/>); the next is scheduled when this
    /// fires. Null for the breach, for non-SLA timers and for rows written before targets were one row at a time.
    /// </summary>
    public string? LaterMarks { get; set; }

    /// <summary>For an accept timeout: the technician who did not accept.</summary>
    public string? TechnicianId { get; set; }

    /// <summary>Set by the node that claimed the timer; a claimed timer never fires again.</summary>
    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>Set when the target was met or the plan changed (pause, reassignment).</summary>
    public DateTimeOffset? CancelledAt { get; set; }

    /// <summary>How many times firing it threw in a row; healthy timers fire before failing ones.</summary>
    public int Failures { get; set; }

    /// <summary>Why it last failed, for the dispatcher.</summary>
    public string? LastError { get; set; }

    /// <summary>
    /// Set once it failed <see cref="TimerOptions.MaxFailures"/> times: no longer tried, shown on the
    /// desk until a dispatcher retries it (docs/service-rules.md, "Poison timers").
    /// </summary>
    public DateTimeOffset? QuarantinedAt { get; set; }
}
