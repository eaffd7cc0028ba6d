using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Gateway.Simulation;

/// <summary><c>AfterSales.Gateway.Simulation [selftest] [--config PATH] [--simulate | --simulate-board]</c>: the gateway's command line plus the scope.</summary>
internal sealed record SimulatorCommandLine(string ConfigPath, SimulationScope Scope, bool SelfTest)
{
    public const string Usage = "usage: AfterSales.Gateway.Simulation [selftest] [--config PATH] [--simulate | --simulate-board]";

    public static bool TryParse(IReadOnlyList<string> args, string? environmentPath, [NotNullWhen(true)] out SimulatorCommandLine? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        var selfTest = args is ["selftest", ..];
        SimulationScope? scope = null;
        var twice = false;
        if (!CommandLine.TryParse(selfTest ? [.. args.Skip(1)] : args, environmentPath, out var commandLine, out error, flag =>
        {
            SimulationScope? given = flag switch
            {
                "--simulate" => SimulationScope.Site,
                "--simulate-board" => SimulationScope.Board,
                _ => null,
            };
            twice |= given is not null && scope is not null;
            scope ??= given;
            return given is not null;
        }))
        {
            return false;
        }

        if (twice)
        {
            error = "give one of --simulate and --simulate-board";
            return false;
        }

        // The whole site unless told otherwise: that is what a demo or a look at the output wants.
        result = new SimulatorCommandLine(commandLine.ConfigPath, scope ?? SimulationScope.Site, selfTest);
        return true;
    }
}
