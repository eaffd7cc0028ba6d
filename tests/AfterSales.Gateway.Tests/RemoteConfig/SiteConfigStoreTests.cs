using System.Text;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.RemoteConfig;

public sealed class SiteConfigStoreTests : IDisposable
{
    private readonly TempDirectory _state = new();

    public void Dispose() => _state.Dispose();

    [Fact]
    public void Offer_ValidNewerConfig_AppliedAnnouncedAndKeptForTheNextStart()
    {
        var store = Open();
        SiteConfig? announced = null;
        store.Changed += c => announced = c;

        var verdict = store.Offer(Encode(Config(3, heartbeatS: 45)));

        Assert.NotNull(verdict.Apply);
        Assert.Equal(3, store.Current!.Version);
        Assert.Equal(45, announced!.Checks.HeartbeatIntervalS);
        Assert.Equal(3, Open().Current!.Version);
        Assert.Equal("cam-01", Open().Current!.Devices[0].DeviceId);
    }

    [Fact]
    public void Offer_MalformedConfig_RejectedWithReasonAndRunningConfigKept()
    {
        var store = Open();
        store.Offer(Encode(Config(3)));
        var kept = File.ReadAllBytes(_state.File(SiteConfigStore.FileName));

        var verdict = store.Offer(Encoding.UTF8.GetBytes("""{"schema":"aftersales.config/1","siteId":"site-001","version":4}"""));

        Assert.NotNull(verdict.Rejection);
        Assert.Contains("devices", verdict.Rejection, StringComparison.Ordinal);
        Assert.Equal(3, store.Current!.Version);
        Assert.Equal(kept, File.ReadAllBytes(_state.File(SiteConfigStore.FileName)));
    }

    [Fact]
    public void Offer_InvalidRuleBrokenConfig_RejectedNamingTheField()
    {
        var store = Open();
        store.Offer(Encode(Config(3)));

        var verdict = store.Offer(Encode(Config(4, heartbeatS: 0)));

        Assert.Contains("checks.heartbeatIntervalS", verdict.Rejection, StringComparison.Ordinal);
        Assert.Equal(3, store.Current!.Version);
    }

    [Fact]
    public void Offer_OlderVersion_RejectedAndSameVersionIgnoredSilently()
    {
        var store = Open();
        store.Offer(Encode(Config(5)));
        var changes = 0;
        store.Changed += _ => changes++;

        Assert.Contains("older", store.Offer(Encode(Config(4))).Rejection, StringComparison.Ordinal);
        Assert.True(store.Offer(Encode(Config(5))).IsAlreadyRunning);
        Assert.Equal(0, changes);
        Assert.Equal(5, store.Current!.Version);
    }

    [Fact]
    public void Offer_ConfigForAnotherSite_Rejected()
    {
        var store = Open();

        var verdict = store.Offer(Encode(Config(1) with { SiteId = "site-999" }));

        Assert.Contains("site-999", verdict.Rejection, StringComparison.Ordinal);
        Assert.Null(store.Current);
    }

    [Fact]
    public void Offer_DevicesThatCannotRunHere_RejectedWithTheCheckersReasonAndNotKept()
    {
        var store = new SiteConfigStore(_state.Path, "site-001", NullLogger<SiteConfigStore>.Instance, c => c.Version == 2 ? "device cam-01 (camera): has no address" : null);
        store.Offer(Encode(Config(1)));

        var verdict = store.Offer(Encode(Config(2)));

        Assert.Equal("device cam-01 (camera): has no address", verdict.Rejection);
        Assert.Equal(1, store.Current!.Version);
        Assert.Equal(1, Open().Current!.Version);
    }

    [Fact]
    public void Start_KeptFileCorrupt_StartsWithoutConfigAndTakesTheNextOne()
    {
        File.WriteAllText(_state.File(SiteConfigStore.FileName), "{ half a fi");

        var store = Open();

        Assert.Null(store.Current);
        store.Offer(Encode(Config(1)));
        Assert.Equal(1, Open().Current!.Version);
    }

    private SiteConfigStore Open() => new(_state.Path, "site-001", NullLogger<SiteConfigStore>.Instance);

    private static byte[] Encode(SiteConfig config) => PayloadCodec.Encode(config);

    private static SiteConfig Config(int version, int heartbeatS = 30) => new()
    {
        Schema = SiteConfig.SchemaV1,
        SiteId = "site-001",
        Version = version,
        IssuedAt = new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero),
        Devices = [new SiteDevice { DeviceId = "cam-01", DeviceKind = DeviceKind.Camera, Address = "10.0.0.21" }],
        Checks = new CheckSettings { HeartbeatIntervalS = heartbeatS },
    };
}
