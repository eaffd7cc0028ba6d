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

/// <summary>The default targets (seed 003 Ⅳ 3.2.1; seed 004 for repeat repairs); per company in configuration.</summary>
public sealed class KpiTargets
{
    public double OnTimeRate { get; set; } = 0.90;

    public double Satisfaction { get; set; } = 0.85;

    public double ComplaintRate { get; set; } = 0.03;

    public double RepeatRate { get; set; } = 0.03;
}
