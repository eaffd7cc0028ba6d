using AfterSales.Gateway.Simulation.Devices;

namespace AfterSales.Gateway.Simulation;

/// <summary>A script of input changes played in <c>--simulate</c> mode; ignored otherwise.</summary>
internal sealed record SimulationConfig
{
    public IReadOnlyList<SimulationStep> Steps { get; set; } = [];

    /// <summary>0 plays the script once.</summary>
    public double RepeatEverySeconds { get; set; }

    public IReadOnlyList<CameraSimulationStep> Cameras { get; set; } = [];

    public IReadOnlyList<SupplySimulationStep> Supply { get; set; } = [];

    public IReadOnlyList<ZoneSimulationStep> Zones { get; set; } = [];

    internal DeviceScript Devices => new(Cameras, Supply, Zones, RepeatEverySeconds);
}
