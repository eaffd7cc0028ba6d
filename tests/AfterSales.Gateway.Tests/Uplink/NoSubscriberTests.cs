using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Topics;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.Uplink;

/// <summary>
/// A broker that lost the cloud's persistent session answers an event's PUBLISH with PUBACK 0x10 "no matching
/// subscribers" and drops it. That is not a delivery: the event stays in the outbox and goes again after the backoff.
/// </summary>
public sealed class NoSubscriberTests : IDisposable
{
    private static readonly (string User, string Password) Gateway = ("gw-001", "gw-001-Pass!"), Cloud = ("aftersales-cloud", "cloud-Pass!");
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Uplink_MosquittoWithNoSubscriber_KeepsTheEventAndDeliversItOnceTheCloudSubscribes()
    {
        // As production runs it (docs/security.md, "Mosquitto"): no anonymous clients, each gateway confined to its own site.
        var site = TestConfig.Gateway().SiteId;
        await MosquittoProcess.CreatePasswordFileAsync(_dir.File("passwd"), (Gateway.User, Gateway.Password), (Cloud.User, Cloud.Password));
        await File.WriteAllTextAsync(_dir.File("acl"), $"""
            user {Cloud.User}
            topic read {MqttTopics.Root}/#
            user {Gateway.User}
            topic write {MqttTopics.Events(site)}
            topic write {MqttTopics.Status(site)}
            topic write {MqttTopics.Heartbeat(site)}
            topic read {MqttTopics.Config(site)}

            """);
        using var broker = await MosquittoProcess.StartAsync(_dir, $"allow_anonymous false\npassword_file {_dir.File("passwd")}\nacl_file {_dir.File("acl")}");
        var config = TestConfig.Gateway() with
        {
            StateDirectory = _dir.Path,
            Broker = new BrokerConfig { Host = "127.0.0.1", Port = broker.Port, Username = Gateway.User, Password = Gateway.Password },
        };
        using var outbox = new SqliteOutbox(_dir.Path, new OutboxBudget(1024 * 1024));
        outbox.Enqueue(OutboxEvents.Fault(1));
        var log = new ListLogger<MqttUplink>();
        using var uplink = new MqttUplink(
            config.UplinkSettings,
            outbox,
            new FaultTracker(config.Identity, new CountingSequence(), TimeProvider.System),
            new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(100), () => 0),
            new SiteConfigStore(_dir.Path, config.SiteId, null, TimeProvider.System, NullLogger<SiteConfigStore>.Instance),
            new ConnectionState(),
            new LoopHealth(TimeProvider.System),
            TimeProvider.System,
            log);
        await uplink.StartAsync(CancellationToken.None);
        try
        {
            // Two refusals prove it retries rather than giving up or deleting.
            Assert.True(await UntilAsync(() => log.Lines.Count(l => l.Contains("no matching subscribers", StringComparison.Ordinal)) >= 2), log.All);
            Assert.Equal(1, outbox.Count);

            await using var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Events(config.SiteId), Cloud);
            var delivered = await cloud.NextAsync(_ => true);

            Assert.Equal(MqttTopics.Events(config.SiteId), delivered.Topic);
            Assert.True(await UntilAsync(() => outbox.Count == 0), log.All);
        }
        finally
        {
            await uplink.StopAsync(CancellationToken.None);
        }
    }

    private static async Task<bool> UntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TopicWatcher.Patience;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        return condition();
    }
}
