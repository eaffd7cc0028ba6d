namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>
/// The ticket workflow (docs/service-rules.md §2.7) as a pure function. The customer signs after the work and
/// never before; a signature is never altered; a job closes only once signed, unless the fault
/// restored itself before anyone went out.
/// </summary>
public static class TicketStateMachine
{
    public static Transition Next(TicketStatus from, TicketCommand command, bool customerSigned) => (command, from) switch
    {
        (TicketCommand.Dispatch, TicketStatus.Open) => Transition.Go(TicketStatus.Dispatched),
        (TicketCommand.Reassign, TicketStatus.Open or TicketStatus.Dispatched or TicketStatus.Accepted or TicketStatus.EnRoute)
            => Transition.Go(TicketStatus.Dispatched),
        (TicketCommand.Unassign, TicketStatus.Dispatched) => Transition.Go(TicketStatus.Open),
        (TicketCommand.Accept, TicketStatus.Dispatched) => Transition.Go(TicketStatus.Accepted),
        (TicketCommand.Depart, TicketStatus.Accepted) => Transition.Go(TicketStatus.EnRoute),
        (TicketCommand.Arrive, TicketStatus.Accepted or TicketStatus.EnRoute) => Transition.Go(TicketStatus.OnSite),
        (TicketCommand.Resolve, TicketStatus.OnSite) => Transition.Go(TicketStatus.Resolved),
        (TicketCommand.Sign, TicketStatus.Resolved) => customerSigned
            ? Transition.Refuse("the customer has already signed; a signature is never altered")
            : Transition.Go(TicketStatus.Resolved),
        (TicketCommand.Sign, _) => Transition.Refuse("the customer signs after the work is resolved, never before"),
        (TicketCommand.Close, TicketStatus.Resolved) => customerSigned
            ? Transition.Go(TicketStatus.Closed)
            : Transition.Refuse("the customer has not signed the job sheet yet"),
        (TicketCommand.Cancel, TicketStatus.Open or TicketStatus.Dispatched or TicketStatus.Accepted or TicketStatus.EnRoute or TicketStatus.OnSite)
            => Transition.Go(TicketStatus.Cancelled),
        (TicketCommand.SelfRestore, TicketStatus.Open or TicketStatus.Dispatched) => Transition.Go(TicketStatus.Closed),
        (TicketCommand.Reopen, TicketStatus.Resolved or TicketStatus.Closed or TicketStatus.Cancelled) => Transition.Go(TicketStatus.Open),
        _ => Transition.Refuse($"a ticket that is {Describe(from)} cannot be {Describe(command)}"),
    };

    /// <summary>States after which nothing more happens unless the fault comes back.</summary>
    public static bool IsFinished(TicketStatus status) => status is TicketStatus.Closed or TicketStatus.Cancelled;

    public static string Describe(TicketStatus status) => status switch
    {
        TicketStatus.Open => "open",
        TicketStatus.Dispatched => "dispatched",
        TicketStatus.Accepted => "accepted",
        TicketStatus.EnRoute => "en route",
        TicketStatus.OnSite => "on site",
        TicketStatus.Resolved => "resolved",
        TicketStatus.Closed => "closed",
        TicketStatus.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static string Describe(TicketCommand command) => command switch
    {
        TicketCommand.Dispatch => "dispatched",
        TicketCommand.Reassign => "reassigned",
        TicketCommand.Unassign => "unassigned",
        TicketCommand.Accept => "accepted",
        TicketCommand.Depart => "marked en route",
        TicketCommand.Arrive => "checked in on site",
        TicketCommand.Resolve => "resolved",
        TicketCommand.Sign => "signed",
        TicketCommand.Close => "closed",
        TicketCommand.Cancel => "cancelled",
        TicketCommand.SelfRestore => "closed as self-restored",
        TicketCommand.Reopen => "reopened",
        _ => throw new ArgumentOutOfRangeException(nameof(command), command, null),
    };
}
