namespace AfterSales.Cloud.Tickets;

/// <summary>Where the ticket stands among the site's other faults (docs/service-rules.md §2.6).</summary>
public sealed partial class Ticket
{
    /// <summary>Filed with the faults of this site arriving together (a new incident, or one under way).</summary>
    public void JoinIncident(long incidentId) => IncidentId = incidentId;

    /// <summary>A power or uplink fault is active on the site: this one follows from it and is not dispatched separately.</summary>
    public void FollowRootCause(long incidentId)
    {
        IncidentId = incidentId;
        FollowsRootCause = true;
    }

    /// <summary>The root-cause ticket is finished: this fault gets its own handling again.</summary>
    public void ReleaseFromRootCause() => FollowsRootCause = false;
}
