using System.Buffers;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Gateway.Tests.Support;

/// <summary>
/// The gateway's real reporting path — fault reporter, tracker, queue, MQTT uplink — on a real broker, with a second
/// client standing in for the cloud. Watchers under test run on <see cref="Time"/>; the uplink keeps real time.
/// </summary>
internal sealed class UplinkRig : IAsyncDisposable
{
    private readonly TestBroker _broker;
    private readonly RealUplink _uplink;

    private UplinkRig(TestBroker broker, TopicWatcher cloud, long firstSeq)
    {
        _broker = broker;
        Cloud = cloud;
        Config = TestConfig.Gateway() with { Broker = new BrokerConfig { Host = "127.0.0.1", Port = broker.Port } };
        Tracker = new FaultTracker(Config.Identity, new CountingSequence(firstSeq), Time);
        _uplink = new RealUplink(Config, Tracker);
        Reporter = new FaultReporter(Tracker, Queue, NullLogger<FaultReporter>.Instance);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2025, 3, 1, 8, 0, 0, TimeSpan.Zero));

    public GatewayConfig Config { get; }

    public IEventQueue Queue => _uplink.Outbox;

    public FaultTracker Tracker { get; }

    public FaultReporter Reporter { get; }

    public TopicWatcher Cloud { get; }

    /// <param name="firstSeq">Where the events' seq starts; a test of the process-wide metrics takes one no other test uses.</param>
    public static async Task<UplinkRig> StartAsync(long firstSeq = 1)
    {
        var broker = new TestBroker();
        await broker.StartAsync();
        var cloud = await TopicWatcher.StartAsync(broker.Port, MqttTopics.Events("site-001"));
        var rig = new UplinkRig(broker, cloud, firstSeq);
        await rig._uplink.StartAsync();
        return rig;
    }

    /// <summary>The next fault event the cloud receives for <paramref name="deviceId"/>.</summary>
    public async Task<FaultEvent> NextEventAsync(string deviceId)
    {
        var message = await Cloud.NextAsync(m => Decode(m).DeviceId == deviceId);
        return Decode(message);
    }

    /// <summary>The next fault event the cloud receives, whatever its device.</summary>
    public async Task<FaultEvent> NextEventAsync() => Decode(await Cloud.NextAsync(_ => true));

    public async ValueTask DisposeAsync()
    {
        await _uplink.DisposeAsync();
        await Cloud.DisposeAsync();
        await _broker.DisposeAsync();
    }

    private static FaultEvent Decode(MQTTnet.MqttApplicationMessage message)
    {
        var result = PayloadCodec.DecodeFaultEvent(message.Payload.ToArray());
        Assert.True(result.IsValid, result.Error);
        return result.Value;
    }
}
