namespace AfterSales.Cloud.Tickets.Correlation;

/// <summary>A site-level incident: the faults of one site that arrived together, handled as one visit.</summary>
public sealed class Incident
{
    public long Id { get; set; }

    public required string SiteId { get; set; }

    public DateTimeOffset OpenedAt { get; set; }

    /// <summary>When its newest fault arrived; a fault within the grouping window of this joins it.</summary>
    public DateTimeOffset LastFaultAt { get; set; }

    /// <summary>The power or uplink ticket the others follow from, when there is one.</summary>
    public long? RootTicketId { get; set; }
}
