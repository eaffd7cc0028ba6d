namespace AfterSales.Cloud.Tickets.Correlation;

public sealed class CorrelationOptions
{
    public const string Section = "Correlation";

    /// <summary>Faults of one site this close together are one incident (one visit).</summary>
    public double GroupWindowMinutes { get; set; } = 5;
}
