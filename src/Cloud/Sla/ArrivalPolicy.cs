using System.Globalization;
using AfterSales.Cloud.Sla.Zones;

namespace AfterSales.Cloud.Sla;

/// <summary>
/// docs/service-rules.md §1.1–§1.3 as pure arithmetic: the site belongs to the centre that gives it the best zone.
/// Drawn zones (ring-road polygons) decide first; where none contains the site, distance bands
/// from each centre do; beyond every band the contract's figure applies, and without one the
/// site is flagged for a human instead of being given a made-up deadline.
/// </summary>
public sealed class ArrivalPolicy(IReadOnlyList<DistanceBand> bands, ZoneMap? zones = null)
{
    private readonly DistanceBand[] _bands = [.. bands.OrderBy(b => b.MaxKm)];
    private readonly ZoneMap _zones = zones ?? ZoneMap.Empty;

    /// <param name="uploaded">
    /// Zones an admin uploaded for their centres; a centre with uploaded zones is measured by those
    /// alone, not by the ones in configuration (docs/service-rules.md §1.1).
    /// </param>
    public ArrivalAssessment Assess(GeoPoint site, IEnumerable<(string Id, GeoPoint Location)> centres, double? contractArrivalHours, ZoneMap? uploaded = null)
    {
        ArgumentNullException.ThrowIfNull(centres);
        var centreList = centres.ToList();
        uploaded ??= ZoneMap.Empty;
        var drawn = uploaded.Containing(site)
            .Concat(_zones.Containing(site).Where(z => !uploaded.HasCentre(z.CentreId)))
            .Where(z => centreList.Exists(c => c.Id == z.CentreId))
            .OrderBy(z => z.ArrivalHours)
            .FirstOrDefault();
        if (drawn is not null)
        {
            var km = Math.Round(centreList.Single(c => c.Id == drawn.CentreId).Location.DistanceKmTo(site), 1);
            return new ArrivalAssessment(
                drawn.CentreId,
                drawn.Zone,
                km,
                TimeSpan.FromHours(drawn.ArrivalHours),
                NeedsHuman: false,
                $"{drawn.Label ?? drawn.Zone} (drawn zone of {drawn.CentreId}), arrival within {drawn.ArrivalHours.ToString(CultureInfo.InvariantCulture)} h");
        }

        (string Id, double Km, DistanceBand? Band)? best = null;
        foreach (var (id, location) in centreList)
        {
            var km = location.DistanceKmTo(site);
            var band = Array.Find(_bands, b => km <= b.MaxKm);
            if (best is null || IsBetter(band, km, best.Value.Band, best.Value.Km))
            {
                best = (id, km, band);
            }
        }

        if (best is null)
        {
            return Beyond(null, null, contractArrivalHours, "no service centre is configured");
        }

        var (centreId, distance, chosen) = best.Value;
        var rounded = Math.Round(distance, 1);
        if (chosen is null)
        {
            return Beyond(centreId, rounded, contractArrivalHours, $"{Km(rounded)} km from the nearest centre, beyond every band");
        }

        return new ArrivalAssessment(
            centreId,
            chosen.Zone,
            rounded,
            TimeSpan.FromHours(chosen.ArrivalHours),
            NeedsHuman: false,
            $"{chosen.Label ?? chosen.Zone}: {Km(rounded)} km from {centreId}, arrival within {chosen.ArrivalHours.ToString(CultureInfo.InvariantCulture)} h");
    }

    private static bool IsBetter(DistanceBand? band, double km, DistanceBand? bestBand, double bestKm)
    {
        if (band is null || bestBand is null)
        {
            return bestBand is null && (band is not null || km < bestKm);
        }

        return band.ArrivalHours < bestBand.ArrivalHours || (band.ArrivalHours == bestBand.ArrivalHours && km < bestKm);
    }

    private static ArrivalAssessment Beyond(string? centreId, double? km, double? contractHours, string where)
    {
        if (contractHours is > 0)
        {
            return new ArrivalAssessment(
                centreId, SlaOptions.ContractZone, km, TimeSpan.FromHours(contractHours.Value), NeedsHuman: false,
                $"{where}; the contract gives {contractHours.Value.ToString(CultureInfo.InvariantCulture)} h");
        }

        return new ArrivalAssessment(
            centreId, SlaOptions.UnzonedZone, km, ArrivalWithin: null, NeedsHuman: true,
            $"{where} and the contract gives no arrival figure: set a deadline by hand");
    }

    private static string Km(double km) => km.ToString("0.0", CultureInfo.InvariantCulture);
}
