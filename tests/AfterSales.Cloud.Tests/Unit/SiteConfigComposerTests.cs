using AfterSales.Cloud.Provisioning;
using AfterSales.Cloud.Sites;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;

namespace AfterSales.Cloud.Tests.Unit;

public sealed class SiteConfigComposerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Compose_SiteWithInventory_ValidConfigWithItsDevicesAndTheChecks()
    {
        var options = new SiteConfigOptions { HeartbeatIntervalS = 20 };
        options.Devices["site-001"] = [new SiteDeviceOptions { DeviceId = "cam-01", DeviceKind = DeviceKind.Camera, Address = "10.0.0.21" }];

        var config = SiteConfigComposer.Compose("site-001", options) with { Version = SiteConfigComposer.NextVersion(0, Now), IssuedAt = Now };

        Assert.Null(PayloadCodec.DecodeConfig(PayloadCodec.Encode(config)).Error);
        Assert.Equal("10.0.0.21", Assert.Single(config.Devices).Address);
        Assert.Equal(20, config.Checks.HeartbeatIntervalS);
        Assert.Empty(SiteConfigComposer.Compose("site-002", options).Devices);
    }

    [Fact]
    public void SameContent_OnlyVersionDiffers_True_ChangedSetting_False()
    {
        var options = new SiteConfigOptions();
        var a = SiteConfigComposer.Compose("site-001", options) with { Version = 7, IssuedAt = Now };
        var b = SiteConfigComposer.Compose("site-001", options);
        options.HeartbeatIntervalS = 10;
        var changed = SiteConfigComposer.Compose("site-001", options);

        Assert.True(SiteConfigComposer.SameContent(a, b));
        Assert.False(SiteConfigComposer.SameContent(a, changed));
    }

    [Fact]
    public void NextVersion_AfterCloudRestartOrTwiceInOneSecond_StillIncreases()
    {
        var first = SiteConfigComposer.NextVersion(0, Now);
        var sameSecond = SiteConfigComposer.NextVersion(first, Now);
        var afterRestart = SiteConfigComposer.NextVersion(0, Now.AddMinutes(5));

        Assert.True(first > 0);
        Assert.Equal(first + 1, sameSecond);
        Assert.True(afterRestart > sameSecond);
    }
}
