using System.Device.Gpio;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.SelfTest;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Simulation.Devices;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Simulation;

/// <summary>
/// The gateway on a simulated site, for the demo, the tests and a look without hardware: a separate program, so the
/// gateway that ships on the board carries none of it. <c>selftest</c> checks the simulated site once, as the gateway's does.
/// </summary>
internal static class Simulator
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args, string? environmentPath, TextReader input, TextWriter output, TextWriter error)
    {
        if (!SimulatorCommandLine.TryParse(args, environmentPath, out var commandLine, out var argumentError))
        {
            await error.WriteLineAsync($"{argumentError}\n{SimulatorCommandLine.Usage}");
            return GatewayRun.ConfigurationError;
        }

        var (loaded, script) = SimulatorConfigLoader.Load(commandLine.ConfigPath);
        if (!loaded.IsValid)
        {
            await error.WriteLineAsync(loaded.Error);
            return GatewayRun.ConfigurationError;
        }

        var config = loaded.Config;
        return commandLine.SelfTest
            ? await SelfTestAsync(config, commandLine.Scope, output)
            : await GatewayRun.RunAsync(config, commandLine.ConfigPath, SimulatedHardware.For(config, script, commandLine.Scope, input), error);
    }

    /// <summary>The simulated board (and site) as a run starts it: healthy chips, cameras answering, inputs healthy.</summary>
    private static async Task<int> SelfTestAsync(GatewayConfig config, SimulationScope scope, TextWriter output)
    {
        await using var devices = new SimulatedDevices(config, TimeProvider.System, simulateCameras: scope == SimulationScope.Site);
        devices.SetChipsHealthy();
        foreach (var camera in devices.Cameras.Values)
        {
            camera.Start();
        }

        // Simulated panels and PTZ heads behind socat, on the ports the checks will open (the whole site only).
        var links = new SerialPortLinkFactory();
        using var field = new SimulatedField(config, links, TimeProvider.System, NullLogger<SimulatedField>.Instance, simulateSerialDevices: scope == SimulationScope.Site);
        await field.StartAsync(CancellationToken.None);
        var driver = new SimulatedGpioDriver();
        new SimulatedInputs(driver, config).SetAllHealthy();
        using var gpio = new GpioController(driver);
        return await SelfTestCommand.RunAsync(config, gpio, devices.Buses, links, output);
    }
}
