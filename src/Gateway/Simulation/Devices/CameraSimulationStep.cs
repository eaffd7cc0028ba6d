namespace AfterSales.Gateway.Simulation.Devices;

/// <summary><c>simulation.cameras[]</c>: at that time, the simulated camera switches to that mode.</summary>
internal sealed record CameraSimulationStep
{
    public double AtSeconds { get; set; }

    public string DeviceId { get; set; } = string.Empty;

    public CameraSimulatorMode Mode { get; set; } = CameraSimulatorMode.Healthy;

    /// <summary>How far the camera's clock is set off from the gateway's, from this step on.</summary>
    public double ClockOffsetSeconds { get; set; }
}
