using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Tickets;

/// <summary>Pure decisions of the ticket book; the desk does the storing.</summary>
public static class TicketRules
{
    public static TicketAction Decide(Ticket? open, FaultEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (open is not null && IsStale(open, e))
        {
            return TicketAction.Stale;
        }

        return (e.State, open) switch
        {
            (FaultState.Raised, null) => TicketAction.Open,
            (FaultState.Raised, _) => TicketAction.Attach,
            (FaultState.Cleared, null) => TicketAction.Orphan,
            (FaultState.Cleared, _) => TicketAction.Restore,
            _ => throw new ArgumentOutOfRangeException(nameof(e), e.State, "Unknown fault state."),
        };
    }

    /// <summary>The SLA clock starts at the fault, but never later than when we heard of it (a gateway clock may run fast).</summary>
    public static DateTimeOffset ClockStart(FaultEvent e, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(e);
        var occurred = e.OccurredAt.ToUniversalTime();
        return occurred < receivedAt ? occurred : receivedAt;
    }

    /// <summary>Keeps the most urgent severity a ticket has seen (Critical sorts first).</summary>
    public static FaultSeverity MostSevere(FaultSeverity a, FaultSeverity b) => a <= b ? a : b;

    // Sequence numbers only order events of one gateway; cloud-raised events carry 0 and are never stale.
    private static bool IsStale(Ticket open, FaultEvent e) =>
        e.Seq > 0 && open.LastSeq > 0 && open.LastGatewayId == e.GatewayId && e.Seq <= open.LastSeq;
}
