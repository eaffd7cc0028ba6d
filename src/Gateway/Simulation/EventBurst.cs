using System.Globalization;
using System.Text.Json;
using AfterSales.Gateway.Faults;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// The observations of <c>burst N</c> in simulate mode: zone troubles on 16 simulated zones, each
/// raised then cleared in turn, so every observation is news and every event has a device whose
/// order the cloud can check. Used by the fault-injection tests and the outbox benchmarks.
/// </summary>
internal static class EventBurst
{
    public const int Devices = 16;

    /// <summary>The <paramref name="index"/>-th observation since the gateway started; indexes continue across bursts.</summary>
    public static FaultObservation Observation(long index, DateTimeOffset at)
    {
        var device = "burst-" + (index % Devices).ToString("00", CultureInfo.InvariantCulture);
        var raised = index / Devices % 2 == 0;
        using var detail = JsonDocument.Parse("{\"burst\":" + index.ToString(CultureInfo.InvariantCulture) + "}");
        return new FaultObservation(device, DeviceKind.Zone, FaultCodes.ZoneTrouble, raised, FaultSeverity.Major, at, detail.RootElement.Clone());
    }
}
