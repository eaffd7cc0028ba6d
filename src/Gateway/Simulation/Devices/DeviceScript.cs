namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>The part of the <c>simulation</c> script that drives cameras, the supply and zone loops.</summary>
internal sealed record DeviceScript(
    IReadOnlyList<CameraSimulationStep> Cameras,
    IReadOnlyList<SupplySimulationStep> Supply,
    IReadOnlyList<ZoneSimulationStep> Zones,
    double RepeatEverySeconds);
