using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// Which zone and arrival time a coordinate would get in the admin's company — the same assessment the
/// desk makes for a fault there, without a contract (docs/service-rules.md §7.4).
/// </summary>
internal sealed class ZonePreviewService(ArrivalPolicy policy, SiteAdminStore sites, CentreZoneStore zones)
{
    public async Task<ArrivalAssessment> PreviewAsync(string tenantId, double latitude, double longitude, CancellationToken cancellationToken)
    {
        if (latitude is < -90 or > 90 || longitude is < -180 or > 180 || double.IsNaN(latitude) || double.IsNaN(longitude))
        {
            throw new ArgumentException("Latitude is between -90 and 90, longitude between -180 and 180.");
        }

        var centres = await sites.CentresAsync(tenantId, cancellationToken);
        return SiteArrivalRules.Assess(policy, tenantId, new GeoPoint(latitude, longitude), centres, contractArrivalHours: null, await zones.MapAsync(cancellationToken));
    }
}
