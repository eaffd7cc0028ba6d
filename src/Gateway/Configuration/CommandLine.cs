using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Gateway.Configuration;

/// <summary>What a run simulates instead of talking to real hardware.</summary>
internal enum SimulationScope
{
    /// <summary>Everything is real: the board's pins and buses, the serial panels, the cameras.</summary>
    None,

    /// <summary>
    /// Only the board's own hardware (GPIO pins, the INA219 and the MCP3008); panels, PTZ heads and cameras
    /// are whatever the config points at: real ones on a bench, or simulators run by another process.
    /// </summary>
    Board,

    /// <summary>The board, plus a simulated panel behind every serial panel, simulated PTZ heads and loopback cameras.</summary>
    Site,
}

/// <summary><c>AfterSales.Gateway [--config PATH] [--simulate | --simulate-board]</c>; the verbs are dispatched before this (see Program).</summary>
internal sealed record CommandLine(string ConfigPath, SimulationScope Simulation)
{
    public const string DefaultConfigPath = "/etc/aftersales/gateway.json";
    public const string ConfigEnvironmentVariable = "AFTERSALES_GATEWAY_CONFIG";
    public const string Usage = "usage: AfterSales.Gateway [--config PATH] [--simulate | --simulate-board]\n       AfterSales.Gateway decode --protocol PROTOCOL [--key K] FRAME";

    public bool Simulate => Simulation != SimulationScope.None;

    /// <summary>The flag wins over the environment, which wins over the packaged default.</summary>
    public static bool TryParse(IReadOnlyList<string> args, string? environmentPath, [NotNullWhen(true)] out CommandLine? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        error = null;
        string? configPath = null;
        var simulation = SimulationScope.None;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--simulate" or "--simulate-board" when simulation != SimulationScope.None:
                    error = "give one of --simulate and --simulate-board";
                    return false;
                case "--simulate":
                    simulation = SimulationScope.Site;
                    break;
                case "--simulate-board":
                    simulation = SimulationScope.Board;
                    break;
                case "--config" when i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    configPath = args[++i];
                    break;
                case "--config":
                    error = "--config needs a file path";
                    return false;
                default:
                    error = $"unknown argument '{args[i]}'";
                    return false;
            }
        }

        configPath ??= string.IsNullOrWhiteSpace(environmentPath) ? DefaultConfigPath : environmentPath;
        result = new CommandLine(configPath, simulation);
        return true;
    }
}
