namespace AfterSales.Cloud.Sla;

/// <summary>A site's contract figures; each one set overrides the company's default for that site.</summary>
public sealed class ContractTerms
{
    public required string SiteId { get; set; }

    public double? AcknowledgeMinutes { get; set; }

    /// <summary>Overrides the zone's arrival hours (a bid may promise 2 h everywhere).</summary>
    public double? ArrivalHours { get; set; }

    public double? ResolutionHours { get; set; }

    /// <summary>Every severity on the around-the-clock clock, minor faults included.</summary>
    public bool AroundTheClock { get; set; }
}
