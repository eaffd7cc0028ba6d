namespace AfterSales.Gateway.Simulation.Devices;

/// <summary><c>simulation.supply[]</c>: at that time, the simulated INA219 measures that supply voltage.</summary>
internal sealed record SupplySimulationStep
{
    public double AtSeconds { get; set; }

    public double Volts { get; set; }
}
