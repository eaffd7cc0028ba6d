namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>What someone (or the system) asks of a ticket.</summary>
public enum TicketCommand
{
    Dispatch,

    /// <summary>A dispatcher moves the job to another technician (also after acceptance).</summary>
    Reassign,

    /// <summary>The technician declines, or did not accept in time: back to the pool.</summary>
    Unassign,

    Accept,

    Depart,

    Arrive,

    Resolve,

    Sign,

    Close,

    Cancel,

    /// <summary>The fault cleared before anyone went out and stayed clear for the grace period.</summary>
    SelfRestore,

    /// <summary>The fault came back (after resolution or within the repeat window after closing).</summary>
    Reopen,
}
