using AfterSales.Cloud.Sla.Zones;
using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Sla;

/// <summary>The tenant's arrival policy. The defaults are the table of docs/service-rules.md §1.1; the radii are this company's ring roads.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>Zone name for a site beyond every band whose contract gives its own figure.</summary>
    public const string ContractZone = "contract";

    /// <summary>Zone name for a site beyond every band with no contract figure: a human decides.</summary>
    public const string UnzonedZone = "unzoned";

    public List<DistanceBand> Bands { get; set; } = [];

    /// <summary>Zones drawn as GeoJSON polygons; they decide before the distance bands.</summary>
    public List<ZoneArea> Zones { get; set; } = [];

    /// <summary>The technician calls the customer within 15 minutes of getting the job (docs/service-rules.md §1.5).</summary>
    public double AcknowledgeMinutes { get; set; } = 15;

    /// <summary>Resolution target = arrival target + this (docs/service-rules.md §1.6: on site in 2 h, fixed in 4 h).</summary>
    public double ResolutionHoursAfterArrival { get; set; } = 2;

    /// <summary>Severities whose clocks run in business hours only; critical and major run around the clock (docs/service-rules.md §1.7).</summary>
    public List<FaultSeverity> BusinessHoursSeverities { get; set; } = [FaultSeverity.Minor];

    public CalendarOptions Calendar { get; set; } = new();

    /// <summary>Warnings before a deadline, as percentages of the target used; the breach at 100 % is always raised.</summary>
    public List<int> WarningPercents { get; set; } = [50, 75];

    public static List<DistanceBand> DefaultBands() =>
    [
        new() { Zone = "ring-1", Label = "Inside ring road 1", MaxKm = 5, ArrivalHours = 2 },
        new() { Zone = "ring-2", Label = "Inside ring road 2", MaxKm = 10, ArrivalHours = 3 },
        new() { Zone = "ring-3", Label = "Outside ring 2, inside ring 3", MaxKm = 20, ArrivalHours = 4 },
        new() { Zone = "neighbouring", Label = "Neighbouring cities and counties", MaxKm = 100, ArrivalHours = 6 },
    ];

    /// <summary>The configured bands, or the defaults when none are configured.</summary>
    public IReadOnlyList<DistanceBand> EffectiveBands() => Bands.Count > 0 ? Bands : DefaultBands();
}
