namespace AfterSales.Cloud.Kpis;

/// <summary>The service targets of DOMAIN.md §5 for one group (company, technician, site or zone) over a period. Null: nothing to measure.</summary>
public sealed record KpiFigures(
    string Group,
    int Tickets,
    double? OnTimeRate,
    double? Satisfaction,
    double? ComplaintRate,
    TimeSpan? MeanToAcknowledge,
    TimeSpan? MeanToArrive,
    TimeSpan? MeanToRestore,
    double? FirstTimeFix,
    double? RepeatRate,
    double? InspectionCompletion,
    double? Availability);

public enum KpiDimension
{
    Company,
    Technician,
    Site,
    Zone,
}
