using AfterSales.Cloud.Sla;
using AfterSales.Cloud.Sla.Zones;

namespace AfterSales.Cloud.Sites;

/// <summary>
/// Pure: the arrival assessment of a place for one service company — measured only from that
/// company's own centres and their zones, never another company's (docs/service-rules.md §1.2).
/// The desk uses it for a site's fault, the zones page for its preview.
/// </summary>
public static class SiteArrivalRules
{
    public static ArrivalAssessment Assess(ArrivalPolicy policy, string tenantId, GeoPoint place, IEnumerable<ServiceCentre> centres, double? contractArrivalHours, ZoneMap uploadedZones)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(centres);
        var own = centres.Where(c => c.TenantId == tenantId).Select(c => (c.Id, new GeoPoint(c.Latitude, c.Longitude)));
        return policy.Assess(place, own, contractArrivalHours, uploadedZones);
    }
}
