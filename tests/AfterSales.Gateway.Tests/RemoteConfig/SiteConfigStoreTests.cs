using System.Text;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.RemoteConfig;

public sealed class SiteConfigStoreTests : IDisposable
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 8, 0, 0, TimeSpan.Zero);

    private readonly TempDirectory _state = new();
    private readonly CloudSigner _cloud;
    private readonly CloudConfigKey _key;
    private readonly FakeTimeProvider _time = new(Now);

    public SiteConfigStoreTests()
    {
        _cloud = new CloudSigner(_state.Path);
        _key = _cloud.LoadPublicKey();
    }

    public void Dispose()
    {
        _key.Dispose();
        _cloud.Dispose();
        _state.Dispose();
    }

    [Fact]
    public void Offer_ValidNewerConfig_AppliedAnnouncedAndKeptForTheNextStart()
    {
        var store = Open();
        SiteConfig? announced = null;
        store.Changed += c => announced = c;

        var verdict = store.Offer(_cloud.Sign(Config(3, heartbeatS: 45)));

        Assert.NotNull(verdict.Apply);
        Assert.Equal(3, store.Current!.Version);
        Assert.Equal(45, announced!.Checks.HeartbeatIntervalS);
        Assert.Equal(3, Open().Current!.Version);
        Assert.Equal("cam-01", Open().Current!.Devices[0].DeviceId);
    }

    [Fact]
    public void Offer_Unsigned_RefusedSayingSoAndNothingKept()
    {
        var store = Open();

        var verdict = store.Offer(new OfferedConfig(PayloadCodec.Encode(Config(3)), null, null));

        Assert.Equal("it is not signed (no 'sig' user property)", verdict.Rejection);
        Assert.Null(store.Current);
        Assert.False(File.Exists(_state.File(SiteConfigStore.FileName)));
    }

    [Fact]
    public void Offer_SignedByAnotherKey_RefusedNamingBothKeys()
    {
        var store = Open();
        store.Offer(_cloud.Sign(Config(3)));
        using var forger = new CloudSigner(_state.Path);

        var verdict = store.Offer(forger.Sign(Config(4)));

        Assert.Equal($"its signature does not verify with the cloud's key {_cloud.KeyId}; it names key {forger.KeyId}", verdict.Rejection);
        Assert.Equal(3, store.Current!.Version);
    }

    [Fact]
    public void Offer_SignedPayloadAlteredAfterSigning_Refused()
    {
        var store = Open();
        var genuine = _cloud.Sign(Config(3));
        var altered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(genuine.Payload).Replace("\"heartbeatIntervalS\":30", "\"heartbeatIntervalS\":3600", StringComparison.Ordinal));
        Assert.NotEqual(genuine.Payload, altered);

        var verdict = store.Offer(genuine with { Payload = altered });

        Assert.StartsWith("its signature does not verify", verdict.Rejection, StringComparison.Ordinal);
        Assert.Null(store.Current);
    }

    [Fact]
    public void Offer_SignatureNotBase64_RefusedNotThrown()
    {
        var verdict = Open().Offer(new OfferedConfig(PayloadCodec.Encode(Config(3)), "%%% not base64 %%%", null));

        Assert.StartsWith("its signature does not verify", verdict.Rejection, StringComparison.Ordinal);
    }

    [Fact]
    public void Offer_NoCloudKeyConfigured_EveryConfigRefused()
    {
        var store = new SiteConfigStore(_state.Path, "site-001", null, _time, NullLogger<SiteConfigStore>.Instance);

        var verdict = store.Offer(_cloud.Sign(Config(3)));

        Assert.Contains("cloudConfigKey", verdict.Rejection, StringComparison.Ordinal);
        Assert.Null(store.Current);
    }

    [Fact]
    public void Offer_VersionFromTheFarFuture_RefusedSoItCannotPinTheGateway()
    {
        var store = Open();
        store.Offer(_cloud.Sign(Config(3)));

        // Even signed (a leaked key, a cloud clock run wild): version 2147483647 is 2092 in seconds since 2024.
        var verdict = store.Offer(_cloud.Sign(Config(int.MaxValue)));

        Assert.Equal($"version 2147483647 is from the future: a config issued by now carries at most version {SiteConfigVersion.Latest(Now)}", verdict.Rejection);
        Assert.Equal(3, store.Current!.Version);
        Assert.NotNull(store.Offer(_cloud.Sign(Config(4))).Apply);
    }

    [Fact]
    public void Offer_IssuedMoreThanADayAhead_RefusedThenTakenOnceTheClockCatchesUp()
    {
        var store = Open();
        var ahead = Config(SiteConfigVersion.At(Now.AddDays(3))) with { IssuedAt = Now.AddDays(3) };

        var verdict = store.Offer(_cloud.Sign(ahead));

        Assert.StartsWith("it was issued at 2026-12-03 08:00:00Z, more than 24 h ahead of this gateway's clock", verdict.Rejection, StringComparison.Ordinal);
        Assert.Null(store.Current);

        // A board that booted with a stale clock: once NTP sets it the waiting config is taken without a reconnect.
        _time.Advance(TimeSpan.FromDays(2.5));
        store.RetryIssuedAhead();
        Assert.Equal(ahead.Version, store.Current!.Version);
    }

    [Fact]
    public void Offer_IssuedWithinTheToleranceAhead_Applied()
    {
        var verdict = Open().Offer(_cloud.Sign(Config(SiteConfigVersion.At(Now.AddHours(20))) with { IssuedAt = Now.AddHours(20) }));

        Assert.NotNull(verdict.Apply);
    }

    [Fact]
    public void Offer_ReplayedOlderSignedConfig_Refused()
    {
        var store = Open();
        var old = _cloud.Sign(Config(4));
        store.Offer(old);
        store.Offer(_cloud.Sign(Config(5)));

        var verdict = store.Offer(old);

        Assert.Equal("version 4 is older than the running version 5", verdict.Rejection);
        Assert.Equal(5, store.Current!.Version);
    }

    [Fact]
    public void Start_KeptFileWithoutItsSignature_NotTrustedAndTheNextSignedOneTaken()
    {
        // A config planted in the state directory, or kept by a gateway from before signing, pins nothing.
        File.WriteAllBytes(_state.File(SiteConfigStore.FileName), PayloadCodec.Encode(Config(int.MaxValue)));

        var store = Open();

        Assert.Null(store.Current);
        Assert.NotNull(store.Offer(_cloud.Sign(Config(7))).Apply);
        Assert.Equal(7, Open().Current!.Version);
    }

    [Fact]
    public void Start_KeptFileSignatureDoesNotMatch_NotTrusted()
    {
        Open().Offer(_cloud.Sign(Config(3)));
        File.WriteAllBytes(_state.File(SiteConfigStore.FileName), PayloadCodec.Encode(Config(9)));

        Assert.Null(Open().Current);
    }

    [Fact]
    public void Offer_MalformedConfig_RejectedWithReasonAndRunningConfigKept()
    {
        var store = Open();
        store.Offer(_cloud.Sign(Config(3)));
        var kept = File.ReadAllBytes(_state.File(SiteConfigStore.FileName));

        var verdict = store.Offer(_cloud.Sign(Encoding.UTF8.GetBytes("""{"schema":"aftersales.config/1","siteId":"site-001","version":4}""")));

        Assert.NotNull(verdict.Rejection);
        Assert.Contains("devices", verdict.Rejection, StringComparison.Ordinal);
        Assert.Equal(3, store.Current!.Version);
        Assert.Equal(kept, File.ReadAllBytes(_state.File(SiteConfigStore.FileName)));
    }

    [Fact]
    public void Offer_InvalidRuleBrokenConfig_RejectedNamingTheField()
    {
        var store = Open();
        store.Offer(_cloud.Sign(Config(3)));

        var verdict = store.Offer(_cloud.Sign(Config(4, heartbeatS: 0)));

        Assert.Contains("checks.heartbeatIntervalS", verdict.Rejection, StringComparison.Ordinal);
        Assert.Equal(3, store.Current!.Version);
    }

    [Fact]
    public void Offer_OlderVersion_RejectedAndSameVersionIgnoredSilently()
    {
        var store = Open();
        store.Offer(_cloud.Sign(Config(5)));
        var changes = 0;
        store.Changed += _ => changes++;

        Assert.Contains("older", store.Offer(_cloud.Sign(Config(4))).Rejection, StringComparison.Ordinal);
        Assert.True(store.Offer(_cloud.Sign(Config(5))).IsAlreadyRunning);
        Assert.Equal(0, changes);
        Assert.Equal(5, store.Current!.Version);
    }

    [Fact]
    public void Offer_ConfigForAnotherSite_Rejected()
    {
        var store = Open();

        var verdict = store.Offer(_cloud.Sign(Config(1) with { SiteId = "site-999" }));

        Assert.Contains("site-999", verdict.Rejection, StringComparison.Ordinal);
        Assert.Null(store.Current);
    }

    [Fact]
    public void Offer_DevicesThatCannotRunHere_RejectedWithTheCheckersReasonAndNotKept()
    {
        var store = new SiteConfigStore(_state.Path, "site-001", _key, _time, NullLogger<SiteConfigStore>.Instance, c => c.Version == 2 ? "device cam-01 (camera): has no address" : null);
        store.Offer(_cloud.Sign(Config(1)));

        var verdict = store.Offer(_cloud.Sign(Config(2)));

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
        store.Offer(_cloud.Sign(Config(1)));
        Assert.Equal(1, Open().Current!.Version);
    }

    [Fact]
    public void CloudKeyFile_NotAKey_CheckNamesTheFieldAndFile()
    {
        var path = _state.File("wrong.pem");
        File.WriteAllText(path, "hello");

        Assert.StartsWith($"cloudConfigKey '{path}' cannot be used: ", CloudConfigKey.Check(path), StringComparison.Ordinal);
        Assert.StartsWith("cloudConfigKey '/nonexistent/key.pem' cannot be used: ", CloudConfigKey.Check("/nonexistent/key.pem"), StringComparison.Ordinal);
        Assert.Null(CloudConfigKey.Check(_cloud.PublicKeyFile));
    }

    private SiteConfigStore Open() => new(_state.Path, "site-001", _key, _time, NullLogger<SiteConfigStore>.Instance);

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
