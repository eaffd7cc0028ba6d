using System.Device.Gpio;
using System.Text.Json;
using AfterSales.Gateway.Board;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Ptz;
using AfterSales.Gateway.SelfTest;
using AfterSales.Gateway.Serial;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Zones;

namespace AfterSales.Gateway.Tests.SelfTest;

public sealed class SelfTestTests
{
    [Fact]
    public async Task Command_SimulatedSite_PassesEveryCheckAndExitsZero()
    {
        using var dir = new TempDirectory();
        var path = dir.File("gateway.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            siteId = "site-001",
            gatewayId = "gw-001",
            stateDirectory = dir.Path,
            broker = new { host = "127.0.0.1" },
            inputs = new[] { new { pin = 17, name = "Panel AC relay", deviceId = "panel", deviceKind = "panel", fault = "panel.ac_loss", contact = "normallyClosed" } },
            cameras = new[] { new { deviceId = "cam-1", host = "127.0.0.1", rtspPort = TestBroker.FreePort(), onvifPort = TestBroker.FreePort(), icmp = false, intervalSeconds = 30 } },
            power = new { deviceId = "psu-1" },
            zones = new { channels = new[] { new { channel = 3, deviceId = "zone-004", name = "Office PIR" } } },
        }));
        var output = new StringWriter();

        var exit = await Simulator.RunAsync(["selftest", "--config", path, "--simulate"], null, TextReader.Null, output, TextWriter.Null);

        Assert.True(exit == 0, output.ToString());
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(5, lines.Count(l => l.StartsWith("PASS  ", StringComparison.Ordinal)));
        Assert.Contains("PASS  INA219 on I2C bus 1 address 0x40: 13.800 V, 0.250 A: supply healthy", lines);
        Assert.Equal("selftest: all checks passed", lines[^1]);
    }

    [Fact]
    public async Task Command_SimulatedPanelAndPtzHeads_PassOnTheirSerialLinks()
    {
        using var dir = new TempDirectory();
        var path = dir.File("gateway.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(new
        {
            siteId = "site-001",
            gatewayId = "gw-001",
            stateDirectory = dir.Path,
            broker = new { host = "127.0.0.1" },
            panels = new[] { new { id = "alarm-panel", protocol = "paradox-prt3", port = "/dev/replaced-by-the-simulator" } },
            ptz = new { port = "/dev/replaced-too", responseTimeoutMilliseconds = 1000, heads = new[] { new { id = "ptz-gate", address = 1 }, new { id = "ptz-yard", address = 2 } } },
        }));
        var output = new StringWriter();

        var exit = await Simulator.RunAsync(["selftest", "--config", path, "--simulate"], null, TextReader.Null, output, TextWriter.Null);

        var text = output.ToString();
        Assert.True(exit == 0, text);
        Assert.Contains("PASS  panel alarm-panel (paradox-prt3) on ", text, StringComparison.Ordinal);
        Assert.Contains("PASS  PTZ head ptz-yard (Pelco-D address 2) on ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_PanelAndBusThatNeverAnswer_FailWithWhatToCheck()
    {
        using var dir = new TempDirectory();
        using var panelLine = new SocatPair(dir.File("panel"), dir.File("panel-device"));
        using var busLine = new SocatPair(dir.File("bus"), dir.File("bus-device"));
        panelLine.Start();
        busLine.Start();
        var config = TestConfig.Gateway() with
        {
            Panels = [new PanelConfig { Id = "alarm-panel", Protocol = "dsc-it100", Port = panelLine.GatewayEnd }],
            Ptz = new PtzConfig { Port = busLine.GatewayEnd, ResponseTimeoutMilliseconds = 200, Heads = [new PtzHeadConfig { Id = "ptz-gate", Address = 1 }] },
        };
        var output = new StringWriter();

        var failures = await new SelfTestRunner(config, null, new BoardBuses(_ => throw new IOException(), _ => throw new IOException()), new SerialPortLinkFactory(), new CameraProbe(new OnvifProbe(TimeProvider.System)), output).RunAsync(CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(2, failures);
        Assert.Contains("FAIL  panel alarm-panel (dsc-it100) on " + panelLine.GatewayEnd + ": no valid dsc-it100 frame within 10 s", text, StringComparison.Ordinal);
        Assert.Contains("FAIL  PTZ head ptz-gate (Pelco-D address 1) on " + busLine.GatewayEnd + ": no answer within 200 ms", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_BrokenConfiguration_ExitsTwoNamingTheField()
    {
        using var dir = new TempDirectory();
        var path = dir.File("gateway.json");
        await File.WriteAllTextAsync(path, """{ "siteId": "s", "gatewayId": "g", "broker": { "host": "h" }, "zones": { "channels": [ { "channel": 9, "deviceId": "z", "name": "n" } ] } }""");
        var error = new StringWriter();

        var exit = await SelfTestCommand.RunAsync(path, TextWriter.Null, error);

        Assert.Equal(2, exit);
        Assert.Contains("gateway.json: zones.channels[0].channel is missing or not 0-7", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_FaultySite_FailsExactlyTheFaultyItemsWithWhatWouldBeRaised()
    {
        var config = TestConfig.Gateway(TestConfig.Input(pin: 22, contact: ContactType.NormallyOpen)) with
        {
            Power = new() { DeviceId = "psu-1" },
            Zones = new() { Channels = [new ZoneConfig { Channel = 0, DeviceId = "zone-001", Name = "Door" }, new ZoneConfig { Channel = 1, DeviceId = "zone-002", Name = "Window" }] },
            Cameras = [new CameraConfig { DeviceId = "cam-1", Host = "127.0.0.1", Icmp = false, RtspPort = TestBroker.FreePort(), OnvifPort = TestBroker.FreePort() }],
        };
        await using var devices = new SimulatedDevices(config, TimeProvider.System, simulateCameras: true);
        devices.SetChipsHealthy();
        var camera = devices.Cameras["cam-1"];
        camera.Start();
        camera.Mode = CameraSimulatorMode.StreamDown;
        devices.Ina219!.BusVolts = 11.2;
        devices.Apply(new ZoneSimulationStep { DeviceId = "zone-002", State = ZoneState.ShortCircuit });
        var driver = new SimulatedGpioDriver();
        new SimulatedInputs(driver, config).TrySet(22, InputCondition.Fault);
        using var gpio = new GpioController(driver);
        var onvif = new OnvifProbe(TimeProvider.System);
        var output = new StringWriter();

        var failures = await new SelfTestRunner(config, gpio, devices.Buses, new SerialPortLinkFactory(), new CameraProbe(onvif), output).RunAsync(CancellationToken.None);

        var text = output.ToString();
        Assert.Equal(4, failures);
        Assert.Contains("FAIL  input pin 22 (Input on pin 22): reads Low: panel.ac_loss would be raised", text, StringComparison.Ordinal);
        Assert.Contains("FAIL  INA219 on I2C bus 1 address 0x40: 11.200 V, 0.250 A: power.undervoltage would be raised", text, StringComparison.Ordinal);
        Assert.Contains("PASS  zone zone-001 on MCP3008 channel 0 (Door)", text, StringComparison.Ordinal);
        Assert.Contains("FAIL  zone zone-002 on MCP3008 channel 1 (Window): 0.400 V: shortCircuit, zone.short_circuit would be raised", text, StringComparison.Ordinal);
        Assert.Contains("FAIL  camera cam-1 at 127.0.0.1 RTSP: DESCRIBE answered 503 Service Unavailable", text, StringComparison.Ordinal);
        Assert.Contains("PASS  camera cam-1 at 127.0.0.1 ONVIF", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Runner_NoBuses_ReportsEachMissingDeviceAndCarriesOn()
    {
        var config = TestConfig.Gateway() with
        {
            Power = new() { DeviceId = "psu-1" },
            Zones = new() { Channels = [new ZoneConfig { Channel = 0, DeviceId = "zone-001", Name = "Door" }] },
        };
        var buses = new BoardBuses(_ => throw new IOException("Can not open I2C device file '/dev/i2c-1'."), _ => throw new IOException("Can not open SPI device file '/dev/spidev0.0'."));
        var onvif = new OnvifProbe(TimeProvider.System);
        var output = new StringWriter();

        var failures = await new SelfTestRunner(config, null, buses, new SerialPortLinkFactory(), new CameraProbe(onvif), output).RunAsync(CancellationToken.None);

        Assert.Equal(2, failures);
        Assert.Contains("FAIL  INA219 on I2C bus 1 address 0x40: Can not open I2C device file '/dev/i2c-1'.", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("FAIL  MCP3008 on SPI 0.0: Can not open SPI device file '/dev/spidev0.0'.", output.ToString(), StringComparison.Ordinal);
    }
}
