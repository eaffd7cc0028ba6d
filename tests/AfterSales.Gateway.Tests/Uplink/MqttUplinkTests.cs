using System.Buffers;
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
using MQTTnet.Protocol;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Gateway.Tests.Uplink;

public sealed class MqttUplinkTests : IDisposable
{
    private readonly TempDirectory _state = new();
    private readonly SqliteOutbox _queue;
    private long _seq;

    public MqttUplinkTests() => _queue = new SqliteOutbox(_state.Path, new OutboxBudget(1024 * 1024));

    public void Dispose()
    {
        _queue.Dispose();
        _state.Dispose();
    }

    [Fact]
    public async Task Uplink_EventsQueued_ArriveInOrderAtQos1AfterRetainedOnlineStatus()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Events("site-001"));
        using var uplink = NewUplink(broker.Port);
        Enqueue(3);

        await uplink.StartAsync(CancellationToken.None);

        var received = new List<FaultEvent>();
        for (var i = 0; i < 3; i++)
        {
            var message = await cloud.NextAsync(_ => true);
            Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, message.QualityOfServiceLevel);
            received.Add(Decode(message));
        }

        Assert.Equal([1L, 2L, 3L], received.Select(e => e.Seq));
        Assert.All(received, e => Assert.Equal(FaultState.Raised, e.State));

        await using var late = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Status("site-001"));
        var status = await late.NextAsync(_ => true);
        Assert.True(status.Retain);
        Assert.Equal(GatewayState.Online, PayloadCodec.DecodeStatus(status.Payload.ToArray()).Value!.State);

        await uplink.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Uplink_BrokerDownWhileEventsQueued_DeliversThemInOrderOnceItComesUp()
    {
        await using var broker = new TestBroker();
        using var uplink = NewUplink(broker.Port);
        await uplink.StartAsync(CancellationToken.None);
        Enqueue(2);

        await broker.StartAsync();

        var events = new List<FaultEvent>();
        while (events.Count < 2)
        {
            Assert.True(await broker.PublishedSignal.WaitAsync(TopicWatcher.Patience), "the gateway published nothing after the broker came up");
            while (broker.Published.TryDequeue(out var published))
            {
                if (published.Message.Topic == MqttTopics.Events("site-001"))
                {
                    events.Add(Decode(published.Message));
                }
            }
        }

        Assert.Equal([1L, 2L], events.Select(e => e.Seq));
        await uplink.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Uplink_GracefulShutdown_LeavesRetainedOfflineStatus()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Status("site-001"));
        using var uplink = NewUplink(broker.Port);
        await uplink.StartAsync(CancellationToken.None);
        await cloud.NextAsync(m => StateOf(m) == GatewayState.Online);

        await uplink.StopAsync(CancellationToken.None);

        var offline = await cloud.NextAsync(m => StateOf(m) == GatewayState.Offline);
        Assert.Equal("gw-001", PayloadCodec.DecodeStatus(offline.Payload.ToArray()).Value!.GatewayId);
        var retained = await broker.Server.GetRetainedMessageAsync(MqttTopics.Status("site-001"));
        Assert.Equal(GatewayState.Offline, StateOf(retained));
    }

    [Fact]
    public async Task GatewayClient_DroppedWithoutDisconnect_BrokerPublishesRetainedOfflineWill()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Status("site-001"));
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(MqttClientOptionsFactory.Create(Config(broker.Port).UplinkSettings, DateTimeOffset.UtcNow));

        // Dispose closes the socket without a DISCONNECT packet, as a power cut or a cable pull would.
        client.Dispose();

        var will = await cloud.NextAsync(m => StateOf(m) == GatewayState.Offline);
        Assert.Equal(MqttQualityOfServiceLevel.AtLeastOnce, will.QualityOfServiceLevel);
        var retained = await broker.Server.GetRetainedMessageAsync(MqttTopics.Status("site-001"));
        Assert.Equal(GatewayState.Offline, StateOf(retained));
    }

    [Fact]
    public async Task Uplink_LinkDroppedByBroker_ReconnectsAndAnnouncesOnlineAgain()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.AllSites(TopicKind.Events).Replace("/events", "/#", StringComparison.Ordinal));
        using var uplink = NewUplink(broker.Port);
        await uplink.StartAsync(CancellationToken.None);
        await cloud.NextAsync(m => StateOf(m) == GatewayState.Online);

        await broker.Server.DisconnectClientAsync("gw-001", new MQTTnet.Server.MqttServerClientDisconnectOptions { ReasonCode = MqttDisconnectReasonCode.AdministrativeAction });
        await cloud.NextAsync(m => StateOf(m) == GatewayState.Online);
        Enqueue(1);

        var evt = await cloud.NextAsync(m => m.Topic == MqttTopics.Events("site-001"));
        Assert.Equal(1, Decode(evt).Seq);
        await uplink.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Uplink_Connected_SendsQos0HeartbeatsWithOutboxDepthAndActiveFaults()
    {
        await using var broker = new TestBroker();
        await broker.StartAsync();
        await using var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Heartbeat("site-001"));
        using var uplink = NewUplink(broker.Port);
        Enqueue(2);
        await uplink.StartAsync(CancellationToken.None);

        // Once both events are acknowledged the queue is empty, and the heartbeat says so.
        var message = await cloud.NextAsync(m => PayloadCodec.DecodeHeartbeat(m.Payload.ToArray()).Value?.OutboxDepth == 0);

        var beat = PayloadCodec.DecodeHeartbeat(message.Payload.ToArray()).Value!;
        Assert.Equal(MqttQualityOfServiceLevel.AtMostOnce, message.QualityOfServiceLevel);
        Assert.False(message.Retain);
        Assert.Equal("gw-001", beat.GatewayId);
        Assert.Equal(0, beat.ActiveFaults);
        Assert.Equal(0, _queue.Count);
        await uplink.StopAsync(CancellationToken.None);
    }

    private static GatewayConfig Config(int port) => TestConfig.Gateway() with
    {
        Broker = new BrokerConfig { Host = "127.0.0.1", Port = port },
        HeartbeatIntervalSeconds = 1,
    };

    private MqttUplink NewUplink(int port)
    {
        var config = Config(port);
        var backoff = new ReconnectBackoff(TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(200), () => 0);
        var tracker = new FaultTracker(config.Identity, new CountingSequence(), TimeProvider.System);
        var siteConfig = new SiteConfigStore(_state.Path, config.SiteId, null, TimeProvider.System, NullLogger<SiteConfigStore>.Instance);
        return new MqttUplink(
            config.UplinkSettings, _queue, tracker, backoff, siteConfig, new ConnectionState(), new LoopHealth(TimeProvider.System), TimeProvider.System, NullLogger<MqttUplink>.Instance);
    }

    private void Enqueue(int count)
    {
        for (var i = 0; i < count; i++)
        {
            _queue.Enqueue(new FaultEvent
            {
                Schema = FaultEvent.SchemaV1,
                EventId = Guid.CreateVersion7(),
                SiteId = "site-001",
                GatewayId = "gw-001",
                Seq = ++_seq,
                DeviceId = "panel",
                DeviceKind = DeviceKind.Panel,
                Fault = FaultCodes.PanelAcLoss,
                State = FaultState.Raised,
                Severity = FaultSeverity.Major,
                OccurredAt = DateTimeOffset.UtcNow,
            });
        }
    }

    private static FaultEvent Decode(MqttApplicationMessage message)
    {
        var result = PayloadCodec.DecodeFaultEvent(message.Payload.ToArray());
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }

    private static GatewayState? StateOf(MqttApplicationMessage? message) =>
        message is not null && MqttTopics.TryParse(message.Topic, out _, out var kind) && kind == TopicKind.Status
            ? PayloadCodec.DecodeStatus(message.Payload.ToArray()).Value?.State
            : null;
}
