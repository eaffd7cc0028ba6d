namespace AfterSales.Cloud.Tickets.Lifecycle;

/// <summary>The outcome of asking the state machine: the next status, or why not.</summary>
public readonly record struct Transition(bool Allowed, TicketStatus To, string? Refusal)
{
    public static Transition Go(TicketStatus to) => new(true, to, null);

    public static Transition Refuse(string why) => new(false, default, why);
}
