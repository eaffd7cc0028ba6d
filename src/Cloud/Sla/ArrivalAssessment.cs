namespace AfterSales.Cloud.Sla;

/// <summary>Where a site lies for service purposes and how long a technician has to get there.</summary>
public sealed record ArrivalAssessment(
    string? CentreId,
    string Zone,
    double? DistanceKm,
    TimeSpan? ArrivalWithin,
    bool NeedsHuman,
    string Explanation);
