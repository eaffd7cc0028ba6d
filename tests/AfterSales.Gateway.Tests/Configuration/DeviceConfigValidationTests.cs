using System.Text;
using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Simulation.Devices;
using AfterSales.Gateway.Zones;

namespace AfterSales.Gateway.Tests.Configuration;

public sealed class DeviceConfigValidationTests
{
    private const string Valid = """
        {
          "siteId": "site-001", "gatewayId": "gw-001", "broker": { "host": "127.0.0.1" },
          "inputs": [ { "pin": 22, "name": "PSU relay", "deviceId": "psu-relay", "deviceKind": "power", "fault": "power.mains_loss", "contact": "normallyOpen" } ],
          "cameras": [
            { "deviceId": "cam-1", "host": "192.168.1.64", "rtspPath": "/Streaming/Channels/101" },
            { "deviceId": "nvr-1", "kind": "recorder", "host": "127.0.0.1", "rtspPort": 8554, "onvifPort": 8080, "intervalSeconds": 30 }
          ],
          "power": { "deviceId": "psu-1" },
          "zones": { "channels": [ { "channel": 0, "deviceId": "zone-001", "name": "Front door" }, { "channel": 7, "deviceId": "zone-008", "name": "Loading bay" } ] },
          "simulation": {
            "cameras": [ { "atSeconds": 5, "deviceId": "nvr-1", "mode": "streamDown" }, { "atSeconds": 9, "deviceId": "nvr-1", "mode": "healthy", "clockOffsetSeconds": -90 } ],
            "supply": [ { "atSeconds": 5, "volts": 12.6 } ],
            "zones": [ { "atSeconds": 5, "deviceId": "zone-008", "state": "shortCircuit" } ]
          }
        }
        """;

    [Fact]
    public void Parse_DeviceSections_ReadsFieldsAndDefaults()
    {
        var result = Parse(Valid);

        Assert.True(result.IsValid, result.Error);
        var c = result.Config;
        Assert.Equal((CameraKind.Camera, 554, 80, true, 60, 3, 30), (c.Cameras[0].Kind, c.Cameras[0].RtspPort, c.Cameras[0].OnvifPort, c.Cameras[0].Icmp, c.Cameras[0].IntervalSeconds, c.Cameras[0].MissesBeforeFault, c.Cameras[0].MaxClockDriftSeconds));
        Assert.Equal(CameraKind.Recorder, c.Cameras[1].Kind);
        Assert.Equal((1, 0x40, 13.0, 11.5), (c.Power!.I2cBus, c.Power.Address, c.Power.MainsLossBelowVolts, c.Power.UndervoltageBelowVolts));
        Assert.Equal((0, 0, 3.3, 1.95), (c.Zones!.SpiBus, c.Zones.ChipSelect, c.Zones.ReferenceVolts, c.Zones.Bands.NormalBelowVolts));
        Assert.Equal(CameraSimulatorMode.StreamDown, Script(Valid).Cameras[0].Mode);
        Assert.Equal(ZoneState.ShortCircuit, Script(Valid).Zones[0].State);
    }

    [Theory]
    [InlineData("\"deviceId\": \"cam-1\", \"host\": \"192.168.1.64\"", "\"deviceId\": \"cam 1\", \"host\": \"192.168.1.64\"", "cameras[0].deviceId 'cam 1' must be")]
    [InlineData("\"host\": \"192.168.1.64\"", "\"host\": \"\"", "cameras[0].host is missing")]
    [InlineData("\"host\": \"192.168.1.64\"", "\"host\": \"cam era!\"", "cameras[0].host 'cam era!' is not a host name or IP address")]
    [InlineData("\"host\": \"192.168.1.64\"", "\"host\": \"192.168.1.64\", \"kind\": \"dome\"", "cameras[0].kind")]
    [InlineData("\"rtspPath\": \"/Streaming/Channels/101\"", "\"rtspPath\": \"Streaming\"", "cameras[0].rtspPath 'Streaming' must start with '/'")]
    [InlineData("\"rtspPort\": 8554", "\"rtspPort\": 70000", "cameras[1].rtspPort 70000 must be between 1 and 65535")]
    [InlineData("\"intervalSeconds\": 30", "\"intervalSeconds\": 2", "cameras[1].intervalSeconds 2 must be between 5 and 86400")]
    [InlineData("\"intervalSeconds\": 30", "\"intervalSeconds\": 30, \"missesBeforeFault\": 0", "cameras[1].missesBeforeFault 0 must be between 1 and 100")]
    [InlineData("\"intervalSeconds\": 30", "\"intervalSeconds\": 30, \"maxClockDriftSeconds\": 0", "cameras[1].maxClockDriftSeconds 0 must be between 1 and 86400")]
    [InlineData("\"intervalSeconds\": 30", "\"intervalSeconds\": 30, \"timeoutMilliseconds\": 20000", "cameras[1].timeoutMilliseconds 20000 leaves no room")]
    [InlineData("\"intervalSeconds\": 30", "\"intervalSeconds\": 30, \"password\": \"x\"", "cameras[1].username is missing while cameras[1].password is set")]
    [InlineData("\"intervalSeconds\": 30", "\"intervalSeconds\": 30, \"icmp\": false, \"rtspPort\": 0, \"onvifPort\": 0", "every check is turned off")]
    [InlineData("\"deviceId\": \"nvr-1\"", "\"deviceId\": \"cam-1\"", "cameras[1].deviceId 'cam-1' is already used by cameras[0]")]
    [InlineData("\"intervalSeconds\": 30", "\"intervalSeconds\": 30, \"pingEvery\": 5", "cameras[1].pingEvery is not a known field")]
    public void Parse_BadCamera_NamesTheField(string find, string replace, string error) => AssertError(find, replace, error);

    [Theory]
    [InlineData("\"power\": { \"deviceId\": \"psu-1\" }", "\"power\": { \"deviceId\": \"psu-1\", \"address\": 16 }", "power.address 16 must be between 64 and 79")]
    [InlineData("\"power\": { \"deviceId\": \"psu-1\" }", "\"power\": { \"deviceId\": \"psu-1\", \"shuntOhms\": 0 }", "power.shuntOhms 0 must be above 0")]
    [InlineData("\"power\": { \"deviceId\": \"psu-1\" }", "\"power\": { \"deviceId\": \"psu-1\", \"maxCurrentAmps\": 5 }", "power.maxCurrentAmps 5 must be above 0 and drop at most 0.32 V")]
    [InlineData("\"power\": { \"deviceId\": \"psu-1\" }", "\"power\": { \"deviceId\": \"psu-1\", \"mainsRestoredAboveVolts\": 12.9 }", "power.mainsRestoredAboveVolts 12.9 must be above power.mainsLossBelowVolts 13")]
    [InlineData("\"power\": { \"deviceId\": \"psu-1\" }", "\"power\": { \"deviceId\": \"psu-1\", \"undervoltageBelowVolts\": 13.2, \"undervoltageRestoredAboveVolts\": 13.5 }", "power.undervoltageBelowVolts 13.2 must be below power.mainsLossBelowVolts 13")]
    [InlineData("\"deviceId\": \"psu-relay\"", "\"deviceId\": \"psu-1\"", "power.detectMainsLoss must be false while inputs[0] reports power.mains_loss for device 'psu-1'")]
    public void Parse_BadPower_NamesTheField(string find, string replace, string error) => AssertError(find, replace, error);

    [Theory]
    [InlineData("{ \"channel\": 7,", "{ \"channel\": 8,", "zones.channels[1].channel is missing or not 0-7")]
    [InlineData("{ \"channel\": 7,", "{ \"channel\": 0,", "zones.channels[1].channel 0 is already used by zones.channels[0]")]
    [InlineData("\"deviceId\": \"zone-008\", \"name\": \"Loading bay\"", "\"deviceId\": \"zone-001\", \"name\": \"Loading bay\"", "zones.channels[1].deviceId 'zone-001' is already used")]
    [InlineData("\"name\": \"Loading bay\"", "\"name\": \"\"", "zones.channels[1].name is missing")]
    [InlineData("\"zones\": { \"channels\"", "\"zones\": { \"bands\": { \"alarmBelowVolts\": 1.5 }, \"channels\"", "zones.bands must rise")]
    [InlineData("\"zones\": { \"channels\"", "\"zones\": { \"referenceVolts\": 12, \"channels\"", "zones.referenceVolts 12 must be between 2.7 and 5.5")]
    public void Parse_BadZones_NamesTheField(string find, string replace, string error) => AssertError(find, replace, error);

    [Theory]
    [InlineData("\"deviceId\": \"nvr-1\", \"mode\": \"streamDown\"", "\"deviceId\": \"cam-1\", \"mode\": \"streamDown\"", "simulation.cameras[0].deviceId 'cam-1' has host '192.168.1.64'; only cameras on a loopback address")]
    [InlineData("\"deviceId\": \"nvr-1\", \"mode\": \"streamDown\"", "\"deviceId\": \"cam-9\", \"mode\": \"streamDown\"", "simulation.cameras[0].deviceId 'cam-9' is not one of the configured cameras")]
    [InlineData("\"mode\": \"streamDown\"", "\"mode\": \"onFire\"", "simulation.cameras[0].mode")]
    [InlineData("\"volts\": 12.6", "\"volts\": 40", "simulation.supply[0].volts 40 must be between 0 and 32")]
    [InlineData("\"deviceId\": \"zone-008\", \"state\"", "\"deviceId\": \"zone-009\", \"state\"", "simulation.zones[0].deviceId 'zone-009' is not one of zones.channels")]
    public void Parse_BadDeviceSimulation_NamesTheStep(string find, string replace, string error) => AssertError(find, replace, error);

    private static void AssertError(string find, string replace, string error)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        var result = Parse(Valid.Replace(find, replace, StringComparison.Ordinal));

        Assert.False(result.IsValid);
        Assert.Contains(error, result.Error, StringComparison.Ordinal);
    }

    // Through the simulator's loader: these files carry a simulation script, which the gateway itself refuses.
    private static ConfigLoadResult Parse(string json) => SimulatorConfigLoader.Parse(Encoding.UTF8.GetBytes(json), "gateway.json").Site;

    private static SimulationConfig Script(string json) => SimulatorConfigLoader.Parse(Encoding.UTF8.GetBytes(json), "gateway.json").Script;
}
