using System.Diagnostics.CodeAnalysis;

using AfterSales.Gateway.Configuration;

namespace AfterSales.Gateway.Simulation;

/// <summary><c>[--config PATH]</c> and the flags the caller claims; the simulator's small parser (the gateway's is <c>GatewayCli</c>).</summary>
internal sealed record CommandLine(string ConfigPath)
{
    /// <summary>
    /// The flag wins over the environment, which wins over the packaged default. Flags <paramref name="claim"/>
    /// returns true for belong to the caller (the simulator's <c>--simulate</c>); any other argument is an error.
    /// </summary>
    public static bool TryParse(
        IReadOnlyList<string> args,
        string? environmentPath,
        [NotNullWhen(true)] out CommandLine? result,
        [NotNullWhen(false)] out string? error,
        Func<string, bool>? claim = null)
    {
        result = null;
        error = null;
        string? configPath = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--config" when i + 1 < args.Count && !args[i + 1].StartsWith("--", StringComparison.Ordinal):
                    configPath = args[++i];
                    break;
                case "--config":
                    error = "--config needs a file path";
                    return false;
                case var flag when claim?.Invoke(flag) == true:
                    break;
                default:
                    error = $"unknown argument '{args[i]}'";
                    return false;
            }
        }

        result = new CommandLine(ConfigLocation.Resolve(configPath, environmentPath));
        return true;
    }
}
