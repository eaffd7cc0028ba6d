using AfterSales.Gateway;
using AfterSales.Gateway.Configuration;

// Exit code 2 means "fix the configuration"; systemd's RestartPreventExitStatus=2 stops a restart loop on it.
const int ConfigurationError = 2;

if (!CommandLine.TryParse(args, Environment.GetEnvironmentVariable(CommandLine.ConfigEnvironmentVariable), out var commandLine, out var argumentError))
{
    await Console.Error.WriteLineAsync($"{argumentError}\n{CommandLine.Usage}");
    return ConfigurationError;
}

var loaded = GatewayConfigLoader.Load(commandLine.ConfigPath);
if (!loaded.IsValid)
{
    await Console.Error.WriteLineAsync(loaded.Error);
    return ConfigurationError;
}

using var host = GatewayHost.Build(loaded.Config, commandLine.Simulate, Console.In);
await host.RunAsync();
return 0;
