namespace AfterSales.Cloud.Sla;

/// <summary>
/// A ring of the service area drawn as a distance from the service centre, used where no zone
/// polygon is drawn (docs/service-rules.md §1.1). Bands are checked nearest first.
/// </summary>
public sealed class DistanceBand
{
    public required string Zone { get; set; }

    public string? Label { get; set; }

    public double MaxKm { get; set; }

    public double ArrivalHours { get; set; }
}
