namespace AfterSales.Gateway.Simulation;

/// <summary>What a simulator run simulates instead of talking to real hardware.</summary>
internal enum SimulationScope
{
    /// <summary>
    /// Only the board's own hardware (GPIO pins, the INA219 and the MCP3008); panels, PTZ heads and cameras
    /// are whatever the config points at: real ones on a bench, or simulators run by another process.
    /// </summary>
    Board,

    /// <summary>The board, plus a simulated panel behind every serial panel, simulated PTZ heads and loopback cameras.</summary>
    Site,
}
