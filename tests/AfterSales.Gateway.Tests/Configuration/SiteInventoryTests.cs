using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Ptz;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Tests.Configuration;

public sealed class SiteInventoryTests
{
    private static readonly GatewayConfig Local = TestConfig.Gateway() with
    {
        Cameras = [new CameraConfig { DeviceId = "cam-1", Host = "192.168.1.60", Username = "viewer", Password = "secret", OnvifPort = 8080 }],
        Panels = [new PanelConfig { Id = "panel-1", Protocol = "ad2", Port = "/dev/ttyUSB9", BaudRate = 9600 }],
    };

    [Fact]
    public void Apply_CloudListsCameras_TheCloudsListRunsWithLocalCredentialsAndTheCloudsChecks()
    {
        var result = SiteInventory.Apply(Local, Site(
            Device("cam-1", DeviceKind.Camera, "192.168.1.64"),
            Device("nvr-1", DeviceKind.Recorder, "192.168.1.70:8554")));

        Assert.True(result.IsValid, result.Error);
        Assert.Equal(["cam-1", "nvr-1"], result.Config.Cameras.Select(c => c.DeviceId));
        var cam = result.Config.Cameras[0];
        Assert.Equal(("192.168.1.64", "viewer", "secret", 8080, 45, 4), (cam.Host, cam.Username, cam.Password, cam.OnvifPort, cam.IntervalSeconds, cam.MissesBeforeFault));
        var nvr = result.Config.Cameras[1];
        Assert.Equal((CameraKind.Recorder, "192.168.1.70", 8554), (nvr.Kind, nvr.Host, nvr.RtspPort));
    }

    [Fact]
    public void Apply_CloudListsASerialPanel_ItsPortAndModelRunWithTheLocalBaudRate()
    {
        var result = SiteInventory.Apply(Local, Site(Device("panel-1", DeviceKind.Panel, "/dev/ttyUSB0", model: "dsc-it100")));

        Assert.True(result.IsValid, result.Error);
        var panel = Assert.Single(result.Config.Panels);
        Assert.Equal(("/dev/ttyUSB0", "dsc-it100", 9600), (panel.Port, panel.Protocol, panel.BaudRate));
        Assert.Empty(result.Config.Cameras);
    }

    [Fact]
    public void Apply_PanelWithoutSerialPort_IsNotASession()
    {
        var result = SiteInventory.Apply(Local, Site(Device("panel-ip", DeviceKind.Panel, "10.0.0.5")));

        Assert.True(result.IsValid, result.Error);
        Assert.Empty(result.Config.Panels);
    }

    [Fact]
    public void Apply_PtzHeads_NeedTheLocalBusAndTakeTheirPelcoAddress()
    {
        var withBus = Local with { Ptz = new PtzConfig { Port = "/dev/ttyUSB1", Heads = [new PtzHeadConfig { Id = "old", Address = 9 }] } };

        var result = SiteInventory.Apply(withBus, Site(Device("ptz-gate", DeviceKind.Ptz, "3")));
        var noBus = SiteInventory.Apply(Local, Site(Device("ptz-gate", DeviceKind.Ptz, "3")));

        Assert.True(result.IsValid, result.Error);
        var head = Assert.Single(result.Config.Ptz!.Heads);
        Assert.Equal(("ptz-gate", 3), (head.Id, head.Address));
        Assert.Equal("site config version 7: device ptz-gate (ptz): the cloud lists a PTZ head, but gateway.json has no ptz section naming the RS-485 port", noBus.Error);
    }

    [Theory]
    [InlineData(DeviceKind.Camera, null, null, "site config version 7: device dev-1 (camera): has no address; give the camera's host (or host:rtspPort) in the cloud's inventory")]
    [InlineData(DeviceKind.Camera, "10.0.0.9:99999", null, "site config version 7: device dev-1 (camera): address '10.0.0.9:99999' has no valid port")]
    [InlineData(DeviceKind.Panel, "/dev/ttyUSB0", "galaxy", "site config version 7: device dev-1 (panel): on /dev/ttyUSB0: model 'galaxy' is not a serial panel protocol")]
    [InlineData(DeviceKind.Camera, "bad host!", null, "site config version 7: cameras[0].host")]
    public void Apply_BadDevice_IsRefusedWithTheDeviceAndTheReason(DeviceKind kind, string? address, string? model, string error)
    {
        var result = SiteInventory.Apply(Local, Site(Device("dev-1", kind, address, model)));

        Assert.False(result.IsValid);
        Assert.StartsWith(error, result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_NoSiteConfigOrNoDevices_GatewayJsonStands()
    {
        Assert.Same(Local, SiteInventory.Apply(Local, null).Config);
        Assert.Same(Local, SiteInventory.Apply(Local, Site()).Config);
    }

    private static SiteDevice Device(string id, DeviceKind kind, string? address, string? model = null) =>
        new() { DeviceId = id, DeviceKind = kind, Address = address, Model = model };

    private static SiteConfig Site(params SiteDevice[] devices) => new()
    {
        Schema = SiteConfig.SchemaV1,
        SiteId = "site-001",
        Version = 7,
        IssuedAt = DateTimeOffset.UnixEpoch,
        Devices = devices,
        Checks = new CheckSettings { HeartbeatIntervalS = 30, CameraCheckIntervalS = 45, CameraMissesBeforeFault = 4 },
    };
}
