namespace AfterSales.Cloud.Sla;

/// <summary>
/// The moments of one job that its SLA clocks run on: when it started, which steps are done and
/// which deadlines were promised. The SLA module judges these without knowing how a ticket is stored.
/// </summary>
public sealed record SlaProgress
{
    public DateTimeOffset OpenedAt { get; init; }

    public DateTimeOffset? DispatchedAt { get; init; }

    public DateTimeOffset? AcceptedAt { get; init; }

    public DateTimeOffset? ArrivedAt { get; init; }

    public DateTimeOffset? ResolvedAt { get; init; }

    public DateTimeOffset? AcknowledgeDueAt { get; init; }

    public DateTimeOffset? ArrivalDueAt { get; init; }

    public DateTimeOffset? ResolutionDueAt { get; init; }

    public DateTimeOffset? PausedAt { get; init; }

    /// <summary>No deadline could be set: a human must decide.</summary>
    public bool NeedsHuman { get; init; }

    /// <summary>Repaired or closed: no clock runs any more.</summary>
    public bool Done { get; init; }
}
