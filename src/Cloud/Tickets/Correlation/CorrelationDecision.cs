namespace AfterSales.Cloud.Tickets.Correlation;

public enum CorrelationDecision
{
    /// <summary>Nothing to join: the ticket starts its own incident.</summary>
    StartIncident,

    /// <summary>Arrived together with the site's other faults: same incident, same technician.</summary>
    JoinIncident,

    /// <summary>Follows from an active power or uplink fault: attached, not dispatched on its own.</summary>
    FollowRootCause,
}
