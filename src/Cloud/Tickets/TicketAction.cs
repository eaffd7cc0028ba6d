namespace AfterSales.Cloud.Tickets;

/// <summary>What one fault event does to the ticket book.</summary>
public enum TicketAction
{
    /// <summary>A raise with no open ticket: a new ticket.</summary>
    Open,

    /// <summary>A raise with no open ticket, but the same fault's ticket closed within the repeat window: it reopens.</summary>
    Reopen,

    /// <summary>A raise while a ticket is open: it joins that ticket (active again if it was restored).</summary>
    Attach,

    /// <summary>A clear on an open ticket: the restore time is recorded.</summary>
    Restore,

    /// <summary>Older than what the ticket already reflects: kept as history, no state change.</summary>
    Stale,

    /// <summary>A clear with no open ticket (the raise was never seen or the ticket was closed): kept as history.</summary>
    Orphan,

    /// <summary>This event id was applied before.</summary>
    Duplicate,
}
