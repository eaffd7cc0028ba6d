using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Sla.Zones;

namespace AfterSales.Cloud.Dispatch;

/// <summary>
/// Pure: where a technician leaves from when their phone has not reported a fresh location — their
/// home centre, or their own base coordinates when they have none (docs/service-rules.md §3.1).
/// </summary>
public static class TechnicianBase
{
    public static GeoPoint Of(Technician technician, IReadOnlyDictionary<string, ServiceCentre> centres)
    {
        ArgumentNullException.ThrowIfNull(technician);
        ArgumentNullException.ThrowIfNull(centres);
        return technician.HomeCentreId is { } id && centres.TryGetValue(id, out var centre)
            ? new GeoPoint(centre.Latitude, centre.Longitude)
            : new GeoPoint(technician.BaseLatitude, technician.BaseLongitude);
    }
}
