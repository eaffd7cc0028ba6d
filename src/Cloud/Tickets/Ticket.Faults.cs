using AfterSales.Protocol.Contracts;

namespace AfterSales.Cloud.Tickets;

/// <summary>What the site's fault events do to a ticket (docs/service-rules.md §2.1, §2.2, §2.4).</summary>
public sealed partial class Ticket
{
    /// <summary>The fault raised again while this ticket is open: it stays one ticket at its most urgent severity.</summary>
    public void AttachRaise(FaultEvent raised)
    {
        ArgumentNullException.ThrowIfNull(raised);
        RefuseUnless(ClosedAt is null, $"Ticket {Id}: only an open ticket takes a new raise; a closed one is reopened.");
        RestoredAt = null;
        RaiseCount++;
        Severity = TicketRules.MostSevere(Severity, raised.Severity);
        Track(raised);
    }

    /// <summary>
    /// The same fault again within the repeat window after this ticket closed: the SLA clock
    /// starts over from the new raise, at the new severity. The workflow then reopens it.
    /// </summary>
    public void AttachRepeatRaise(FaultEvent raised, DateTimeOffset receivedAt)
    {
        ArgumentNullException.ThrowIfNull(raised);
        RefuseUnless(ClosedAt is not null, $"Ticket {Id}: only a closed ticket takes a repeat of its fault.");
        OpenedAt = TicketRules.ClockStart(raised, receivedAt);
        Severity = raised.Severity;
        RaiseCount++;
        Track(raised);
    }

    /// <summary>The fault cleared on site; the ticket stays open until the work or a self-restoration closes it.</summary>
    public void RecordRestore(FaultEvent cleared)
    {
        ArgumentNullException.ThrowIfNull(cleared);
        RefuseUnless(ClosedAt is null, $"Ticket {Id}: a closed ticket has no fault left to clear.");
        RestoredAt = cleared.OccurredAt.ToUniversalTime();
        Track(cleared);
    }

    /// <summary>Several raises in a short window: the fault flaps (the workflow counts them).</summary>
    public void MarkIntermittent() => Intermittent = true;

    // Sequence numbers only order events of one gateway; cloud-raised events carry 0 and leave the mark alone.
    private void Track(FaultEvent e)
    {
        if (e.Seq > 0)
        {
            LastSeq = e.Seq;
            LastGatewayId = e.GatewayId;
        }
    }
}
