namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>Pure rules over a fault's history: flapping, repeats and self-restoration.</summary>
public static class FaultHistoryRules
{
    /// <summary>Enough raises inside the window (counting the newest) to call the fault intermittent.</summary>
    public static bool IsFlapping(IEnumerable<DateTimeOffset> raisedAt, DateTimeOffset now, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var since = now - TimeSpan.FromMinutes(options.FlapWindowMinutes);
        return raisedAt.Count(t => t >= since && t <= now) >= options.FlapRaises;
    }

    /// <summary>
    /// The same fault at the same customer must be solved by the third visit: a visit from that one
    /// on goes to the supervisor before anyone sets out, so it is not a third try by the same means
    /// (docs/service-rules.md §2.16). Null when no escalation is due.
    /// </summary>
    public static string? VisitEscalation(int visit, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (visit < options.SolveByVisit)
        {
            return null;
        }

        return visit == options.SolveByVisit
            ? $"visit {visit} to the same fault: it must be solved on this visit — send a senior technician or attend yourself"
            : $"visit {visit} to the same fault: it was not solved by visit {options.SolveByVisit} — treat as a major complaint risk";
    }

    /// <summary>A ticket closed this recently is reopened by the same fault instead of a new one being opened.</summary>
    public static bool IsRepeat(DateTimeOffset? closedAt, DateTimeOffset now, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return closedAt is { } closed && now - closed <= RepeatWindow(options);
    }

    /// <summary>How far back a repeat is looked for; readers of the ticket history load this much before their period.</summary>
    public static TimeSpan RepeatWindow(LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return TimeSpan.FromDays(options.RepeatWithinDays);
    }

    /// <summary>When a clear becomes a self-restoration, if it holds and nobody has gone out by then.</summary>
    public static DateTimeOffset SelfRestoreAt(DateTimeOffset clearedAt, LifecycleOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return clearedAt + TimeSpan.FromMinutes(options.SelfRestoreGraceMinutes);
    }

    public static bool CanSelfRestore(TicketStatus status) => status is TicketStatus.Open or TicketStatus.Dispatched;
}
