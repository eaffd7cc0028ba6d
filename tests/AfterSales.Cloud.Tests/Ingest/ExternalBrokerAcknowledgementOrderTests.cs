using System.Net;
using System.Net.Sockets;
using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Ingest;
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
    private const string Site = "site-x";
    private const string Gateway = "gw-x";
    private const string CloudClientId = "cloud-under-test";
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-ack-order-{Guid.NewGuid():N}.db");
    private readonly int _brokerPort = FreePort();
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
            if (args.ClientId == CloudClientId && args.Packet is MqttPublishPacket { Topic: var topic } && topic == MqttTopics.Status(Site))
            {
                _statusSent.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await _broker.StartAsync();

        _app = CloudHost.Build(
        [
            $"--urls=http://127.0.0.1:{FreePort()}",
            $"--Database:ConnectionString=Data Source={_dbFile};Pooling=False",
            "--Broker:Embedded=false",
            "--Broker:Host=127.0.0.1",
            $"--Broker:Port={_brokerPort}",
            "--Broker:Username=cloud",
            "--Broker:Password=cloud-password",
            $"--Broker:ClientId={CloudClientId}",
            "--Calendar:Enabled=false",
            "--Seed:Centres:0:Id=c", "--Seed:Centres:0:Name=C", "--Seed:Centres:0:Latitude=30.65", "--Seed:Centres:0:Longitude=104.06",
            $"--Seed:Sites:0:Id={Site}", "--Seed:Sites:0:Name=X", "--Seed:Sites:0:Latitude=30.60", "--Seed:Sites:0:Longitude=104.01",
            $"--Seed:Gateways:0:Id={Gateway}", $"--Seed:Gateways:0:SiteId={Site}", "--Seed:Gateways:0:Secret=secret-x-123",
        ]);
        await _app.StartAsync();
        var ingest = _app.Services.GetRequiredService<MqttIngestClient>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!ingest.IsConnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(ingest.IsConnected, "the cloud did not subscribe on the broker");
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
            .WithTcpServer("127.0.0.1", _brokerPort).WithClientId(Gateway).WithProtocolVersion(MqttProtocolVersion.V500).Build());

        // Hold the inbox's group commit (on SQLite it takes a write turn first), so the events wait for it.
        var turns = _app.Services.GetRequiredService<InboxWriteTurns>();
        var held = await turns.TakeAsync(CancellationToken.None);
        try
        {
            await PublishAsync(gateway, MqttTopics.Events(Site), PayloadCodec.Encode(Raise(1)));
            await PublishAsync(gateway, MqttTopics.Events(Site), PayloadCodec.Encode(Raise(2)));
            await PublishAsync(gateway, MqttTopics.Status(Site), PayloadCodec.Encode(new GatewayStatus
            {
                State = GatewayState.Offline,
                GatewayId = Gateway,
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

        Assert.Equal([MqttTopics.Events(Site), MqttTopics.Events(Site), MqttTopics.Status(Site)], Acknowledged());
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

    private static FaultEvent Raise(long seq) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = Site,
        GatewayId = Gateway,
        Seq = seq,
        PrevSeq = seq - 1,
        DeviceId = "zone-1",
        DeviceKind = DeviceKind.Zone,
        Fault = "zone.tamper",
        State = seq % 2 == 1 ? FaultState.Raised : FaultState.Cleared,
        Severity = FaultSeverity.Major,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
