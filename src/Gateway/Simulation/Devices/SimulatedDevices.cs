using System.Device.I2c;
using System.Device.Spi;
using System.Net;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Zones;

namespace AfterSales.Gateway.Simulation.Devices;

/// <summary>
/// The simulated chips and cameras of a <c>--simulate</c> run: an INA219 and an MCP3008 behind the
/// board's bus seam, and (unless only the board is simulated) one camera simulator per configured camera on a
/// loopback address.
/// </summary>
internal sealed class SimulatedDevices : IAsyncDisposable
{
    public SimulatedDevices(GatewayConfig config, TimeProvider time, bool simulateCameras)
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config;
        if (config.Power is { } power)
        {
            Ina219 = new SimulatedIna219(new I2cConnectionSettings(power.I2cBus, power.Address));
        }

        if (config.Zones is { } zones)
        {
            Mcp3008 = new SimulatedMcp3008(new SpiConnectionSettings(zones.SpiBus, zones.ChipSelect), zones.ReferenceVolts);
        }

        foreach (var camera in config.Cameras.Where(c => simulateCameras && DeviceSimulationValidator.IsLoopback(c.Host)))
        {
            Cameras[camera.DeviceId] = new CameraSimulator(
                IPAddress.Parse(camera.Host), Math.Max(camera.RtspPort, 0), Math.Max(camera.OnvifPort, 0), time)
            {
                // A camera configured with credentials asks for them, as a real one would.
                Credentials = camera is { Username: { } user, Password: { } password } ? (user, password) : null,
            };
        }

        Buses = new BoardBuses(
            settings => Ina219 ?? throw new IOException($"no INA219 is simulated on I2C bus {settings.BusId}"),
            settings => Mcp3008 ?? throw new IOException($"no MCP3008 is simulated on SPI {settings.BusId}.{settings.ChipSelectLine}"));
    }

    public GatewayConfig Config { get; }

    public SimulatedIna219? Ina219 { get; }

    public SimulatedMcp3008? Mcp3008 { get; }

    public Dictionary<string, CameraSimulator> Cameras { get; } = new(StringComparer.Ordinal);

    public BoardBuses Buses { get; }

    /// <summary>A healthy site: PSU on mains at 13.8 V, every zone loop normal. Cameras start healthy on their own.</summary>
    public void SetChipsHealthy()
    {
        Ina219?.BusVolts = 13.8;
        if (Config.Zones is { } zones)
        {
            foreach (var zone in zones.Channels)
            {
                Mcp3008!.SetVolts(zone.Channel, zones.Bands.Nominal(Zones.ZoneState.Normal, zones.ReferenceVolts));
            }
        }
    }

    public void Apply(CameraSimulationStep step)
    {
        var camera = Cameras[step.DeviceId];
        camera.ClockOffset = TimeSpan.FromSeconds(step.ClockOffsetSeconds);
        camera.Mode = step.Mode;
    }

    public void Apply(SupplySimulationStep step) => Ina219!.BusVolts = step.Volts;

    public void Apply(ZoneSimulationStep step)
    {
        var zones = Config.Zones!;
        var zone = zones.Channels.First(z => z.DeviceId == step.DeviceId);
        Mcp3008!.SetVolts(zone.Channel, zones.Bands.Nominal(step.State, zones.ReferenceVolts));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var camera in Cameras.Values)
        {
            await camera.DisposeAsync();
        }

        Ina219?.Dispose();
        Mcp3008?.Dispose();
    }
}
