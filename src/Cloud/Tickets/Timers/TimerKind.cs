namespace AfterSales.Cloud.Tickets.Timers;

public enum TimerKind
{
    /// <summary>The technician must accept (and call the customer) within the acknowledgement target.</summary>
    Acknowledge,

    Arrival,

    Resolution,

    /// <summary>Nobody accepted in time: the job goes to the next technician.</summary>
    AcceptTimeout,

    /// <summary>The fault cleared; if it stays clear and nobody went out, the ticket closes as self-restored.</summary>
    SelfRestore,
}
