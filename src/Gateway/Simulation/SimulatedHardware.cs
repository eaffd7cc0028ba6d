using System.Device.Gpio;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Simulation.Devices;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Gateway.Simulation;

/// <summary>Puts the simulated board (and, for the whole site, panels, PTZ heads and cameras) where the gateway looks for hardware.</summary>
internal static class SimulatedHardware
{
    public static Action<IServiceCollection> For(GatewayConfig config, SimulationConfig script, SimulationScope scope, TextReader standardInput) => services =>
    {
        var wholeSite = scope == SimulationScope.Site;
        var driver = new SimulatedGpioDriver();
        services.AddSingleton(script);
        services.AddSingleton(script.Devices);
        services.AddSingleton(driver);
        services.AddSingleton(_ => new GpioController(driver));
        services.AddSingleton<SimulatedInputs>();
        services.AddSingleton(standardInput);
        services.AddSingleton(sp => ActivatorUtilities.CreateInstance<SimulatedField>(sp, wholeSite));

        // Hosted services start in order: the inputs must be healthy before the first poll, and the
        // simulated panels must have their pseudo-terminals before the sessions open them.
        services.AddHostedService(sp => sp.GetRequiredService<SimulatedField>());
        services.AddHostedService<SimulationService>();
        services.AddSingleton(sp => new SimulatedDevices(config, sp.GetRequiredService<TimeProvider>(), simulateCameras: wholeSite));
        services.AddSingleton(sp => sp.GetRequiredService<SimulatedDevices>().Buses);
        services.AddHostedService<DeviceSimulationService>();
    };
}
