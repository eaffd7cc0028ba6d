using AfterSales.Gateway;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Decode;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.SelfTest;
using AfterSales.Gateway.Sequencing;
using AfterSales.Gateway.Status;
using Microsoft.Data.Sqlite;

// Exit code 2 means "fix the configuration"; systemd's RestartPreventExitStatus=2 stops a restart loop on it.
const int ConfigurationError = 2;

if (args is [DecodeCommand.Verb, ..])
{
    return DecodeCommand.Run(args[1..], Console.Out, Console.Error);
}

if (args is [SelfTestCommand.Verb, ..])
{
    return await SelfTestCommand.RunAsync(args[1..], Environment.GetEnvironmentVariable(CommandLine.ConfigEnvironmentVariable), Console.Out, Console.Error);
}

// "status" reads what the running gateway writes; it takes the same --config to find the state directory.
var statusCommand = args is ["status", ..];
if (!CommandLine.TryParse(statusCommand ? args[1..] : args, Environment.GetEnvironmentVariable(CommandLine.ConfigEnvironmentVariable), out var commandLine, out var argumentError))
{
    await Console.Error.WriteLineAsync($"{argumentError}\n{CommandLine.Usage}\n       AfterSales.Gateway status [--config PATH]");
    return ConfigurationError;
}

var loaded = GatewayConfigLoader.Load(commandLine.ConfigPath);
if (!loaded.IsValid)
{
    await Console.Error.WriteLineAsync(loaded.Error);
    return ConfigurationError;
}

var config = loaded.Config;
if (statusCommand)
{
    return StatusCommand.Run(config, DateTimeOffset.UtcNow, Console.Out);
}

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
    await Console.Error.WriteLineAsync($"{Path.GetFileName(commandLine.ConfigPath)}: stateDirectory '{config.StateDirectory}' is not usable: {ex.Message}");
    return ConfigurationError;
}

using (outbox)
using (var host = GatewayHost.Build(config, commandLine.Simulation, Console.In, sequence, outbox))
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
