namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>One line of a ticket's history: who did what, when. Rows are only ever added.</summary>
public sealed class TicketAuditEntry
{
    public long Id { get; set; }

    public long TicketId { get; set; }

    public DateTimeOffset At { get; set; }

    /// <summary>A user name, <c>gateway gw-…</c>, or <c>system</c> for timers and rules.</summary>
    public required string Actor { get; set; }

    public required string Action { get; set; }

    public TicketStatus? From { get; set; }

    public TicketStatus? To { get; set; }

    public string? Detail { get; set; }
}
