using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Sequencing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AfterSales.Gateway;

/// <summary>Runs the worker on a loaded configuration until it is stopped; the gateway and the simulator share it.</summary>
internal static class GatewayRun
{
    /// <summary>"Fix the configuration": systemd's RestartPreventExitStatus=2 stops a restart loop on it.</summary>
    public const int ConfigurationError = 2;

    public static async Task<int> RunAsync(GatewayConfig config, string configPath, Action<IServiceCollection>? addHardware, TextWriter error)
    {
        BlockSequenceStore sequence;
        SqliteOutbox outbox;
        try
        {
            // Opened before the host so an unusable state directory reads as one line, like any other config problem.
            sequence = new BlockSequenceStore(config.StateDirectory);
            outbox = new SqliteOutbox(config.StateDirectory, new OutboxBudget(config.Outbox.MaxBytes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or SqliteException)
        {
            await error.WriteLineAsync($"{Path.GetFileName(configPath)}: stateDirectory '{config.StateDirectory}' is not usable: {ex.Message}");
            return ConfigurationError;
        }

        using (outbox)
        using (var host = GatewayHost.Build(config, sequence, outbox, addHardware))
        {
            try
            {
                await host.RunAsync();
                return 0;
            }
#pragma warning disable CA1031 // The host has already logged why it stopped; exit non-zero instead of crashing.
            catch (Exception)
#pragma warning restore CA1031
            {
                return 1;
            }
        }
    }
}
