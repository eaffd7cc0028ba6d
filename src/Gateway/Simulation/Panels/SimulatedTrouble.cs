namespace AfterSales.Gateway.Simulation.Panels;

/// <summary>The troubles a simulated panel can be told to have; each protocol says them its own way.</summary>
internal enum SimulatedTrouble
{
    AcLoss,
    LowBattery,
    Tamper,
    ZoneTrouble,
}
