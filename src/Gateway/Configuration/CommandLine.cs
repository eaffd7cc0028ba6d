using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Gateway.Configuration;

/// <summary><c>AfterSales.Gateway [--config PATH]</c>; the verbs are dispatched before this (see Program).</summary>
internal sealed record CommandLine(string ConfigPath)
{
    public const string DefaultConfigPath = "/etc/aftersales/gateway.json";
    public const string ConfigEnvironmentVariable = "AFTERSALES_GATEWAY_CONFIG";
    public const string Usage = "usage: AfterSales.Gateway [--config PATH]\n       AfterSales.Gateway decode --protocol PROTOCOL [--key K] FRAME";

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

        configPath ??= string.IsNullOrWhiteSpace(environmentPath) ? DefaultConfigPath : environmentPath;
        result = new CommandLine(configPath);
        return true;
    }
}
