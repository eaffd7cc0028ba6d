namespace AfterSales.Cloud.Sla;

/// <summary>The tenant's arrival policy. The defaults are DOMAIN.md §1's table; the radii are this company's ring roads.</summary>
public sealed class SlaOptions
{
    public const string Section = "Sla";

    /// <summary>Zone name for a site beyond every band whose contract gives its own figure.</summary>
    public const string ContractZone = "contract";

    /// <summary>Zone name for a site beyond every band with no contract figure: a human decides.</summary>
    public const string UnzonedZone = "unzoned";

    public List<DistanceBand> Bands { get; set; } = [];

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
