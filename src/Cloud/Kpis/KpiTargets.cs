using System.ComponentModel.DataAnnotations;

namespace AfterSales.Cloud.Kpis;

/// <summary>
/// The service company's targets, written once: the dashboard, the monthly and the quarterly
/// report colour their figures against these (docs/service-rules.md §5.1). Bound from
/// <c>Kpis:Targets</c>; the defaults are the regulations' figures. Rates are ratios (0.9 = 90 %).
/// </summary>
public sealed class KpiTargets
{
    public const string Section = "Kpis:Targets";

    /// <summary>Arrivals on time, at least.</summary>
    [Range(0.0, 1.0)]
    public double OnTimeRate { get; set; } = 0.90;

    /// <summary>Surveys satisfied on every question, at least.</summary>
    [Range(0.0, 1.0)]
    public double Satisfaction { get; set; } = 0.85;

    /// <summary>Complaints the service caused per ticket, below.</summary>
    [Range(0.0, 1.0)]
    public double ComplaintRate { get; set; } = 0.03;

    /// <summary>Repeat faults per ticket, below.</summary>
    [Range(0.0, 1.0)]
    public double RepeatRate { get; set; } = 0.03;

    /// <summary>Scheduled inspections completed, at least.</summary>
    [Range(0.0, 1.0)]
    public double InspectionCompletion { get; set; } = 1.0;

    /// <summary>Availability the contract promises, at least; below it a figure reads bad.</summary>
    [Range(0.0, 1.0)]
    public double Availability { get; set; } = 0.99;

    /// <summary>Availability that reads good without reservation; between the target and this a report shows a warning.</summary>
    [Range(0.0, 1.0)]
    public double AvailabilityGood { get; set; } = 0.999;
}
