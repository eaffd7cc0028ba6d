using AfterSales.Gateway;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Decode;
using AfterSales.Gateway.SelfTest;
using AfterSales.Gateway.Status;

if (args is [DecodeCommand.Verb, ..])
{
    return DecodeCommand.Run(args[1..], Console.Out, Console.Error);
}

var environmentPath = Environment.GetEnvironmentVariable(CommandLine.ConfigEnvironmentVariable);
if (args is [SelfTestCommand.Verb, ..])
{
    return await SelfTestCommand.RunAsync(args[1..], environmentPath, Console.Out, Console.Error);
}

// "status" reads what the running gateway writes; it takes the same --config to find the state directory.
var statusCommand = args is ["status", ..];
if (!CommandLine.TryParse(statusCommand ? args[1..] : args, environmentPath, out var commandLine, out var argumentError))
{
    await Console.Error.WriteLineAsync($"{argumentError}\n{CommandLine.Usage}\n       AfterSales.Gateway status [--config PATH]");
    return GatewayRun.ConfigurationError;
}

var loaded = GatewayConfigLoader.Load(commandLine.ConfigPath);
if (!loaded.IsValid)
{
    await Console.Error.WriteLineAsync(loaded.Error);
    return GatewayRun.ConfigurationError;
}

return statusCommand
    ? StatusCommand.Run(loaded.Config, DateTimeOffset.UtcNow, Console.Out)
    : await GatewayRun.RunAsync(loaded.Config, commandLine.ConfigPath, addHardware: null, Console.Error);
