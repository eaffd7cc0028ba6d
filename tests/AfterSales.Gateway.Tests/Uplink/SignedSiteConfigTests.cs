using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.Uplink;

/// <summary>The retained site config reaches the store through a real broker with its signature (docs/security.md, "Site config").</summary>
public sealed class SignedSiteConfigTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly CloudSigner _cloud;

    public SignedSiteConfigTests() => _cloud = new CloudSigner(_state.Path);

    public void Dispose()
    {
        _cloud.Dispose();
        _state.Dispose();
    }

    [Fact]
    public async Task Uplink_SignedRetainedConfig_AppliedThenUnsignedAndForgedOnesRefusedAndLogged()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        var config = TestConfig.Gateway() with { StateDirectory = _state.Path, Broker = new BrokerConfig { Host = "127.0.0.1", Port = broker.Port } };
        var log = new ListLogger<SiteConfigStore>();
        using var key = _cloud.LoadPublicKey();
        var store = new SiteConfigStore(_state.Path, config.SiteId, key, TimeProvider.System, log);
        using var outbox = new SqliteOutbox(_state.Path, new OutboxBudget(1024 * 1024));
        using var uplink = new MqttUplink(
            config.UplinkSettings,
            outbox,
            new FaultTracker(config.Identity, new CountingSequence(), TimeProvider.System),
            new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), () => 0),
            store,
            new ConnectionState(),
            new LoopHealth(TimeProvider.System),
            TimeProvider.System,
            NullLogger<MqttUplink>.Instance);
        var good = _cloud.Sign(Config(config.SiteId, SiteConfigVersion.At(DateTimeOffset.UtcNow)));
        await PublishRetainedAsync(broker.Port, config.SiteId, good);

        await uplink.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => store.Current is not null, "the signed retained config to be applied");
        var applied = store.Current!.Version;

        await PublishRetainedAsync(broker.Port, config.SiteId, new OfferedConfig(PayloadCodec.Encode(Config(config.SiteId, applied + 1)), null, null));
        await Eventually.TrueAsync(() => log.All.Contains("rejected: it is not signed (no 'sig' user property)", StringComparison.Ordinal), "the unsigned config to be refused");
        using var forger = new CloudSigner(_state.Path);
        await PublishRetainedAsync(broker.Port, config.SiteId, forger.Sign(Config(config.SiteId, applied + 2)));
        await Eventually.TrueAsync(() => log.All.Contains($"rejected: its signature does not verify with the cloud's key {_cloud.KeyId}; it names key {forger.KeyId}", StringComparison.Ordinal), "the forged config to be refused");

        Assert.Equal(applied, store.Current!.Version);
        await uplink.StopAsync(CancellationToken.None);
    }

    private static SiteConfig Config(string siteId, int version) => new()
    {
        Schema = SiteConfig.SchemaV1,
        SiteId = siteId,
        Version = version,
        IssuedAt = DateTimeOffset.UtcNow,
        Devices = [],
        Checks = new CheckSettings { HeartbeatIntervalS = 45 },
    };

    private static async Task PublishRetainedAsync(int port, string siteId, OfferedConfig offered)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId("cloud-" + Guid.NewGuid().ToString("N")[..8])
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .Build());
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Config(siteId))
            .WithPayload(offered.Payload)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithRetainFlag(true);
        if (offered.Signature is { } signature)
        {
            message.WithUserProperty(ConfigSignature.SignatureProperty, System.Text.Encoding.UTF8.GetBytes(signature).AsMemory())
                .WithUserProperty(ConfigSignature.KeyIdProperty, System.Text.Encoding.UTF8.GetBytes(offered.KeyId!).AsMemory());
        }

        await client.PublishAsync(message.Build());
        await client.DisconnectAsync();
    }
}
