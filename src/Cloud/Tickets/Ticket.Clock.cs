using AfterSales.Cloud.Calendar;
using AfterSales.Cloud.Tickets.Lifecycle;

namespace AfterSales.Cloud.Tickets;

/// <summary>
/// The ticket's SLA deadlines: the Sla module computes them, the ticket keeps them and decides
/// when they may change (docs/service-rules.md §1.3, §1.10, §1.11).
/// </summary>
public sealed partial class Ticket
{
    /// <summary>
    /// The deadlines of a visit from the SLA targets. Without an arrival deadline (no zone, no
    /// contract figure) the ticket waits for a human to set one: it is never guessed.
    /// </summary>
    public void SetDeadlines(bool businessHoursClock, DateTimeOffset? arrivalDueAt, DateTimeOffset? resolutionDueAt)
    {
        BusinessHoursClock = businessHoursClock;
        NeedsHuman = arrivalDueAt is null;
        ArrivalDueAt = arrivalDueAt;
        ResolutionDueAt = resolutionDueAt;
    }

    /// <summary>A dispatcher sets the arrival deadline the zones could not; once the technician is there it no longer matters.</summary>
    public void SetDeadlinesByHand(DateTimeOffset arrivalDueAt, DateTimeOffset resolutionDueAt)
    {
        RefuseUnless(!TicketStateMachine.IsFinished(Status) && ArrivedAt is null, "The technician has already arrived; the arrival deadline no longer matters.");
        NeedsHuman = false;
        ArrivalDueAt = arrivalDueAt;
        ResolutionDueAt = resolutionDueAt;
    }

    /// <summary>The acknowledgement clock runs from each dispatch; null when the terms give no target.</summary>
    public void SetAcknowledgeDue(DateTimeOffset? acknowledgeDueAt) => AcknowledgeDueAt = acknowledgeDueAt;

    /// <summary>Waiting for the customer stops the clocks of a running job; the reason is asked so the audit can say what holds it up.</summary>
    public void Pause(string? reason, DateTimeOffset at)
    {
        RefuseUnless(PausedAt is null, "The clock is already paused.");
        RefuseUnless(!TicketStateMachine.IsFinished(Status) && Status != TicketStatus.Resolved, "Only a running job can wait for the customer.");
        RefuseUnless(!string.IsNullOrWhiteSpace(reason), "Say what the customer is holding up.");
        PausedAt = at;
    }

    /// <summary>
    /// The clock runs again: each deadline not yet met gets back the running time it had left,
    /// as <paramref name="shift"/> (the SLA clock) computes it. Returns how long the pause lasted.
    /// </summary>
    public TimeSpan Resume(DateTimeOffset at, Func<DateTimeOffset, DateTimeOffset> shift)
    {
        ArgumentNullException.ThrowIfNull(shift);
        RefuseUnless(PausedAt is not null, "The clock is not paused.");
        var pausedFor = at - PausedAt!.Value;
        AcknowledgeDueAt = AcceptedAt is null && AcknowledgeDueAt is { } acknowledge ? shift(acknowledge) : AcknowledgeDueAt;
        ArrivalDueAt = ArrivedAt is null && ArrivalDueAt is { } arrive ? shift(arrive) : ArrivalDueAt;
        ResolutionDueAt = ResolvedAt is null && ResolutionDueAt is { } resolve ? shift(resolve) : ResolutionDueAt;
        PausedAt = null;
        return pausedFor;
    }

    /// <summary>The resolution target was missed: a loaner of the same class is due, once per visit.</summary>
    public void RequireLoaner(DateTimeOffset at)
    {
        RefuseUnless(LoanerRequiredAt is null, $"Ticket {Id}: a loaner is already required since {DisplayZone.Local(LoanerRequiredAt):yyyy-MM-dd HH:mm}.");
        LoanerRequiredAt = at;
    }
}
