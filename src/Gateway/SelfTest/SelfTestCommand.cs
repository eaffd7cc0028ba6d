using System.Device.Gpio;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Devices;

namespace AfterSales.Gateway.SelfTest;

/// <summary>
/// <c>AfterSales.Gateway selftest [--config PATH] [--simulate | --simulate-board]</c>: reads every configured input, chip and
/// camera once and prints PASS/FAIL per item. Exit 0 when all pass, 1 when any fails, 2 for a bad
/// command line or configuration. Stop the running service first: it holds the serial ports and pins.
/// </summary>
internal static class SelfTestCommand
{
    public const string Verb = "selftest";
    private const string Usage = "usage: AfterSales.Gateway selftest [--config PATH] [--simulate | --simulate-board]";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, string? environmentPath, TextWriter output, TextWriter error)
    {
        if (!CommandLine.TryParse(args, environmentPath, out var commandLine, out var argumentError))
        {
            await error.WriteLineAsync($"{argumentError}\n{Usage}");
            return 2;
        }

        var loaded = GatewayConfigLoader.Load(commandLine.ConfigPath);
        if (!loaded.IsValid)
        {
            await error.WriteLineAsync(loaded.Error);
            return 2;
        }

        var config = loaded.Config;
        var onvif = new OnvifProbe(TimeProvider.System);
        var probe = new CameraProbe(onvif);
        if (commandLine.Simulate)
        {
            // The simulated board (and site) as --simulate starts it: healthy chips, cameras answering, inputs healthy.
            await using var devices = new SimulatedDevices(config, TimeProvider.System, simulateCameras: commandLine.Simulation == SimulationScope.Site);
            devices.SetChipsHealthy();
            foreach (var camera in devices.Cameras.Values)
            {
                camera.Start();
            }

            var driver = new SimulatedGpioDriver();
            new SimulatedInputs(driver, config).SetAllHealthy();
            using var gpio = new GpioController(driver);
            return await Run(new SelfTestRunner(config, gpio, devices.Buses, probe, output));
        }

        using var boardGpio = OpenBoardGpio();
        return await Run(new SelfTestRunner(config, boardGpio, BoardBuses.Linux, probe, output));
    }

    private static async Task<int> Run(SelfTestRunner runner) => await runner.RunAsync(CancellationToken.None) == 0 ? 0 : 1;

    private static GpioController? OpenBoardGpio()
    {
        try
        {
            return new GpioController();
        }
        catch (Exception ex) when (ex is PlatformNotSupportedException or InvalidOperationException or IOException)
        {
            // Reported per input as "GPIO is not available", so the chip and camera checks still run.
            return null;
        }
    }
}
