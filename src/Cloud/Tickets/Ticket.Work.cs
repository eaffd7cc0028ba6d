using AfterSales.Cloud.Tickets.Lifecycle;

namespace AfterSales.Cloud.Tickets;

/// <summary>
/// The job's way from dispatch to signature. Each step asks <see cref="TicketStateMachine"/>
/// first and refuses what it forbids (docs/service-rules.md §2.7); the caller writes
/// the audit line from the <see cref="StatusChange"/> it gets back.
/// </summary>
public sealed partial class Ticket
{
    /// <summary>The column holds this much; a longer description is cut, as the audit line is.</summary>
    public const int ResolutionMaxLength = 2000;

    /// <summary>Gives the job to a technician: a dispatch when nobody has it yet, otherwise a reassignment that waits for a new acceptance.</summary>
    public StatusChange AssignTo(string technicianId, DateTimeOffset at)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(technicianId);
        var change = Move(Status == TicketStatus.Open ? TicketCommand.Dispatch : TicketCommand.Reassign, at);
        TechnicianId = technicianId;
        DispatchedAt = at;
        AcceptedAt = null;
        return change;
    }

    /// <summary>The technician did not accept in time: the job goes back to the pool.</summary>
    public StatusChange Unassign(DateTimeOffset at)
    {
        var change = Move(TicketCommand.Unassign, at);
        TechnicianId = null;
        return change;
    }

    /// <summary>The technician accepted and called the customer: the acknowledgement target is met.</summary>
    public StatusChange Accept(DateTimeOffset at) => Accept(at, null);

    /// <summary>Accepted, with the arrival time the technician told the customer (docs/service-rules.md §1.13).</summary>
    public StatusChange Accept(DateTimeOffset at, DateTimeOffset? promisedArrival)
    {
        if (promisedArrival is { } eta && (eta <= at || eta > at + TimeSpan.FromDays(1)))
        {
            throw new WorkflowRefusedException("The expected arrival must be after now and within a day.");
        }

        var change = Move(TicketCommand.Accept, at);
        AcceptedAt = at;
        PromisedArrivalAt = promisedArrival;
        return change;
    }

    public StatusChange Depart(DateTimeOffset at) => Move(TicketCommand.Depart, at);

    /// <summary>Checked in on site: the arrival target is met.</summary>
    public StatusChange Arrive(DateTimeOffset at)
    {
        var change = Move(TicketCommand.Arrive, at);
        ArrivedAt = at;
        return change;
    }

    /// <summary>The work is done and described; the customer may now sign.</summary>
    public StatusChange Resolve(string? resolution, DateTimeOffset at)
    {
        RefuseUnless(!string.IsNullOrWhiteSpace(resolution), "Describe the cause and the repair before resolving.");
        var text = resolution!.Trim();
        var change = Move(TicketCommand.Resolve, at);
        ResolvedAt = at;
        Resolution = text.Length <= ResolutionMaxLength ? text : text[..ResolutionMaxLength];
        return change;
    }

    /// <summary>The customer signs after the work and only once per visit; the signature itself is stored beside the ticket.</summary>
    public StatusChange Sign(bool alreadySigned, DateTimeOffset at) => Move(TicketCommand.Sign, at, alreadySigned);

    /// <summary>A job closes only once the customer has signed this visit's sheet.</summary>
    public StatusChange Close(bool customerSigned, DateTimeOffset at) => Move(TicketCommand.Close, at, customerSigned);

    public StatusChange Cancel(DateTimeOffset at) => Move(TicketCommand.Cancel, at);

    /// <summary>The fault cleared before anyone went out and stayed clear: closed without a visit, still counted in reports.</summary>
    public StatusChange SelfRestore(DateTimeOffset at)
    {
        RefuseUnless(RestoredAt is not null, $"Ticket {Id}: the fault is still active, so it has not restored itself.");
        var change = Move(TicketCommand.SelfRestore, at);
        SelfRestored = true;
        return change;
    }

    /// <summary>
    /// The fault came back after the work (resolved, or closed within the repeat window): a new
    /// visit starts with nobody assigned and no target met, and the ticket counts one more repeat.
    /// </summary>
    public StatusChange Reopen(DateTimeOffset at)
    {
        var change = Move(TicketCommand.Reopen, at);
        RepeatCount++;
        Visit++;
        ClosedAt = null;
        RestoredAt = null;
        SelfRestored = false;
        TechnicianId = null;
        DispatchedAt = AcceptedAt = ArrivedAt = ResolvedAt = null;
        AcknowledgeDueAt = null;
        PausedAt = null;
        LoanerRequiredAt = null;
        FollowsRootCause = false;
        return change;
    }

    private StatusChange Move(TicketCommand command, DateTimeOffset at, bool customerSigned = false)
    {
        var transition = TicketStateMachine.Next(Status, command, customerSigned);
        RefuseUnless(transition.Allowed, $"Ticket {Id}: {transition.Refusal}.");
        var change = new StatusChange(command, Status, transition.To);
        Status = transition.To;
        if (TicketStateMachine.IsFinished(Status))
        {
            ClosedAt = at;
        }

        return change;
    }
}
