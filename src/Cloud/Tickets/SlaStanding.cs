using AfterSales.Cloud.Tickets.Lifecycle;

namespace AfterSales.Cloud.Tickets;

/// <summary>Pure: which deadline a ticket is racing now, and how far through it is (the board's colour).</summary>
public static class SlaStanding
{
    public static (DateTimeOffset? Due, string? Target) Next(Ticket t)
    {
        ArgumentNullException.ThrowIfNull(t);
        if (t.Status is TicketStatus.Resolved || TicketStateMachine.IsFinished(t.Status))
        {
            return (null, null);
        }

        if (t.AcceptedAt is null && t.AcknowledgeDueAt is { } ack && (t.ArrivalDueAt is null || ack < t.ArrivalDueAt))
        {
            return (ack, "acknowledge");
        }

        if (t.ArrivedAt is null && t.ArrivalDueAt is { } arrive)
        {
            return (arrive, "arrive");
        }

        return t.ResolutionDueAt is { } resolve ? (resolve, "resolve") : (null, null);
    }

    public static string State(Ticket t, DateTimeOffset now, IReadOnlyList<int> warningPercents)
    {
        ArgumentNullException.ThrowIfNull(t);
        ArgumentNullException.ThrowIfNull(warningPercents);
        if (t.Status is TicketStatus.Resolved || TicketStateMachine.IsFinished(t.Status))
        {
            return "done";
        }

        if (t.NeedsHuman)
        {
            return "human";
        }

        if (t.PausedAt is not null)
        {
            return "paused";
        }

        var (due, target) = Next(t);
        if (due is not { } d)
        {
            return "ok";
        }

        if (now >= d)
        {
            return "breached";
        }

        var start = target == "acknowledge" && t.DispatchedAt is { } dispatched ? dispatched : t.OpenedAt;
        var used = (now - start) / (d - start) * 100;
        var passed = warningPercents.Where(p => used >= p).DefaultIfEmpty(0).Max();
        return passed > 0 ? $"warning-{passed}" : "ok";
    }
}
