using System.Text;
using System.Text.Json;
using AfterSales.Gateway.Faults;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Panels;

namespace AfterSales.Gateway.Panels;

/// <summary>
/// Names what a codec reports in the site's device ids: the panel itself is the configured id, and everything on it
/// (zones, RF sensors) is prefixed with that id, so two panels on one site never share a zone id.
/// </summary>
internal static class PanelFaultMapper
{
    public static string DeviceId(string panelId, string codecDeviceId) =>
        codecDeviceId == PanelDeviceIds.Panel ? panelId : panelId + "." + codecDeviceId;

    public static DeviceKind Kind(string codecDeviceId) =>
        codecDeviceId.StartsWith("zone-", StringComparison.Ordinal) || codecDeviceId.StartsWith("rf-", StringComparison.Ordinal)
            ? DeviceKind.Zone
            : DeviceKind.Panel;

    public static FaultObservation Map(PanelFault fault, PanelFaultDetail detail, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentNullException.ThrowIfNull(detail);
        return new FaultObservation(
            DeviceId(detail.Panel, fault.DeviceId),
            Kind(fault.DeviceId),
            fault.Fault,
            fault.State == FaultState.Raised,
            FaultObservation.DefaultSeverity(fault.Fault),
            at,
            Detail(detail));
    }

    /// <summary>A fault of the panel as a whole (offline, comm_fail), decided by the gateway rather than a frame.</summary>
    public static FaultObservation Panel(string fault, bool active, PanelFaultDetail detail, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(detail);
        return new FaultObservation(detail.Panel, DeviceKind.Panel, fault, active, FaultObservation.DefaultSeverity(fault), at, Detail(detail));
    }

    /// <summary>Printable frames go into logs and details as text, anything else as hex.</summary>
    public static string Printable(ReadOnlySpan<byte> raw)
    {
        foreach (var b in raw)
        {
            if (b is < 0x20 or > 0x7E && b is not ((byte)'\r' or (byte)'\n'))
            {
                return Convert.ToHexString(raw);
            }
        }

        return Encoding.ASCII.GetString(raw).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
    }

    private static JsonElement Detail(PanelFaultDetail detail) =>
        JsonSerializer.SerializeToElement(detail, PanelJsonContext.Default.PanelFaultDetail);
}
