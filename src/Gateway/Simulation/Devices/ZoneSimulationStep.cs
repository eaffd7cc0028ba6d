using AfterSales.Gateway.Zones;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary><c>simulation.zones[]</c>: at that time, the zone loop reads the middle of that state's voltage band.</summary>
internal sealed record ZoneSimulationStep
{
    public double AtSeconds { get; set; }

    public string DeviceId { get; set; } = string.Empty;

    public ZoneState State { get; set; }
}
