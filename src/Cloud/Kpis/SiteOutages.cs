using AfterSales.Cloud.Inventory;
using AfterSales.Cloud.Tickets.History;

namespace AfterSales.Cloud.Kpis;

/// <summary>Pure: how available a site's devices were over a window, from their tickets' outages.</summary>
public static class SiteOutages
{
    /// <summary>The mean availability of a site's devices over a window, as the monthly report computes it.</summary>
    public static double Availability(IEnumerable<InventoryDevice> devices, IEnumerable<TicketFacts> tickets, DateTimeOffset from, DateTimeOffset to)
    {
        var outages = ByDevice(devices, tickets, from);
        return outages.Count == 0 ? 1 : outages.Values.Average(o => Tickets.History.Availability.Ratio(o, from, to));
    }

    /// <summary>Outages per device, every active inventory device included (a device with none is 100 %).</summary>
    public static Dictionary<string, List<Outage>> ByDevice(IEnumerable<InventoryDevice> devices, IEnumerable<TicketFacts> tickets, DateTimeOffset from)
    {
        var byDevice = devices
            .Where(d => d.RetiredAt is null || d.RetiredAt >= from)
            .ToDictionary(d => d.DeviceId, _ => new List<Outage>(), StringComparer.Ordinal);
        foreach (var t in tickets.Where(t => t.CountsAsDowntime))
        {
            if (!byDevice.TryGetValue(t.DeviceId, out var list))
            {
                byDevice[t.DeviceId] = list = [];
            }

            list.AddRange(t.Outages);
        }

        return byDevice;
    }
}
