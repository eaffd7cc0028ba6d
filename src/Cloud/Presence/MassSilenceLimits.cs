namespace AfterSales.Cloud.Presence;

/// <summary>
/// When so many gateways are quiet at once that the fault is the cloud's or its network's, not the sites'
/// (docs/service-rules.md §2.14a): at least <paramref name="Percent"/> % of the watched gateways and at least
/// <paramref name="Minimum"/> of them, so a small fleet's few silent sites are still each a fault.
/// </summary>
public sealed record MassSilenceLimits(int Percent, int Minimum)
{
    public bool Reached(int quiet, int watched) => quiet >= Minimum && quiet * 100L >= (long)Percent * watched;
}
