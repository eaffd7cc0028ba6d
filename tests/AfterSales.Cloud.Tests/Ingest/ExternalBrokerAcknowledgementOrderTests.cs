using System.Net;
using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Packets;
using MQTTnet.Protocol;
using MQTTnet.Server;

namespace AfterSales.Cloud.Tests.Ingest;

/// <summary>
/// On an external broker the cloud sends its PUBACKs in the order the PUBLISHes came, a status included:
/// a status acknowledged ahead of the events before it (still waiting for the inbox commit) made Mosquitto
/// 2.0.11 send a gateway's next event ahead of the ones it had queued (docs/ingest.md, "PUBACKs in order").
/// An MQTTnet server stands in for the broker and records the order of the cloud's PUBACKs.
/// </summary>
public sealed class ExternalBrokerAcknowledgementOrderTests : IAsyncLifetime
{
    private const string CloudClientId = "cloud-under-test";
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-ack-order-{Guid.NewGuid():N}.db");
    private readonly int _brokerPort = FreePorts.Next();
    private readonly Lock _gate = new();
    private readonly List<string> _acknowledged = [];
    private readonly TaskCompletionSource _statusSent = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private MqttServer _broker = null!;
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _broker = new MqttServerFactory().CreateMqttServer(
            new MqttServerOptionsBuilder().WithDefaultEndpoint().WithDefaultEndpointBoundIPAddress(IPAddress.Loopback).WithDefaultEndpointPort(_brokerPort).WithPersistentSessions().Build());
        _broker.ClientAcknowledgedPublishPacketAsync += args =>
        {
            if (args.ClientId == CloudClientId)
            {
                lock (_gate)
                {
                    _acknowledged.Add(args.PublishPacket.Topic);
                }
            }

            return Task.CompletedTask;
        };
        _broker.InterceptingOutboundPacketAsync += args =>
        {
            if (args.ClientId == CloudClientId && args.Packet is MqttPublishPacket { Topic: var topic } && topic == MqttTopics.Status(OneSiteCloud.Site))
            {
                _statusSent.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await _broker.StartAsync();

        _app = CloudHost.Build(OneSiteCloud.Arguments(
            _dbFile,
            "--Broker:Embedded=false",
            "--Broker:Host=127.0.0.1",
            $"--Broker:Port={_brokerPort}",
            "--Broker:Username=cloud",
            "--Broker:Password=cloud-password",
            $"--Broker:ClientId={CloudClientId}"));
        await _app.StartAsync();
        await OneSiteCloud.WaitSubscribedAsync(_app);
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _broker.StopAsync();
        _broker.Dispose();
        File.Delete(_dbFile);
    }

    [Fact]
    public async Task StatusAfterEventsStillBeingCommitted_ItsPubAckWaitsForTheirs()
    {
        using var gateway = new MqttClientFactory().CreateMqttClient();
        await gateway.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _brokerPort).WithClientId(OneSiteCloud.Gateway).WithProtocolVersion(MqttProtocolVersion.V500).Build());

        // Hold the inbox's group commit (on SQLite it takes a write turn first), so the events wait for it.
        var turns = _app.Services.GetRequiredService<InboxWriteTurns>();
        var held = await turns.TakeAsync(CancellationToken.None);
        try
        {
            await PublishAsync(gateway, MqttTopics.Events(OneSiteCloud.Site), PayloadCodec.Encode(Raise(1)));
            await PublishAsync(gateway, MqttTopics.Events(OneSiteCloud.Site), PayloadCodec.Encode(Raise(2)));
            await PublishAsync(gateway, MqttTopics.Status(OneSiteCloud.Site), PayloadCodec.Encode(new GatewayStatus
            {
                State = GatewayState.Offline,
                GatewayId = OneSiteCloud.Gateway,
                Version = "test",
                At = DateTimeOffset.UtcNow,
            }));
            await _statusSent.Task.WaitAsync(TimeSpan.FromSeconds(30));

            // The status is worked at once; its PUBACK must still wait for the events' commit.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
            while (DateTime.UtcNow < deadline)
            {
                Assert.Empty(Acknowledged());
                await Task.Delay(50);
            }
        }
        finally
        {
            held?.Dispose();
        }

        var until = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (Acknowledged().Count < 3 && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        Assert.Equal([MqttTopics.Events(OneSiteCloud.Site), MqttTopics.Events(OneSiteCloud.Site), MqttTopics.Status(OneSiteCloud.Site)], Acknowledged());
    }

    private List<string> Acknowledged()
    {
        lock (_gate)
        {
            return [.. _acknowledged];
        }
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, string topic, byte[] payload) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    private static FaultEvent Raise(long seq) => OneSiteCloud.Event(seq, "zone-1", seq % 2 == 1 ? FaultState.Raised : FaultState.Cleared, DateTimeOffset.UtcNow);
}
