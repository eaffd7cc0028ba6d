namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>A move a ticket made through the state machine, so the caller can write its audit line.</summary>
public readonly record struct StatusChange(TicketCommand Command, TicketStatus From, TicketStatus To);
