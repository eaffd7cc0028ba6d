using System.Diagnostics.CodeAnalysis;

namespace AfterSales.Gateway.Configuration;

/// <summary><c>AfterSales.Gateway [--config PATH] [--simulate]</c>; the <c>decode</c> verb is dispatched before this (see Program).</summary>
internal sealed record CommandLine(string ConfigPath, bool Simulate)
{
    public const string DefaultConfigPath = "/etc/aftersales/gateway.json";
    public const string ConfigEnvironmentVariable = "AFTERSALES_GATEWAY_CONFIG";
    public const string Usage = "usage: AfterSales.Gateway [--config PATH] [--simulate]\n       AfterSales.Gateway decode --protocol PROTOCOL [--key K] FRAME";

    /// <summary>The flag wins over the environment, which wins over the packaged default.</summary>
    public static bool TryParse(IReadOnlyList<string> args, string? environmentPath, [NotNullWhen(true)] out CommandLine? result, [NotNullWhen(false)] out string? error)
    {
        result = null;
        error = null;
        string? configPath = null;
        var simulate = false;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "--simulate":
                    simulate = true;
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
        result = new CommandLine(configPath, simulate);
        return true;
    }
}
