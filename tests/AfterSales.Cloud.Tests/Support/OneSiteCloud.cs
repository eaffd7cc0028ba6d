using AfterSales.Cloud.Ingest;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Support;

/// <summary>
/// What the ingest tests' real cloud hosts share: one centre and one site with its gateway, that gateway's fault
/// events as it publishes them, and the wait for the cloud's own subscription on its broker.
/// </summary>
internal static class OneSiteCloud
{
    public const string Site = "site-x";
    public const string Gateway = "gw-x";
    public const string Secret = "secret-x-123";

    /// <summary>The host's arguments: its own database file and HTTP port, no calendar download, the seed, and <paramref name="broker"/>'s settings.</summary>
    public static string[] Arguments(string dbFile, params string[] broker) =>
    [
        $"--urls=http://127.0.0.1:{FreePorts.Next()}",
        $"--Database:ConnectionString=Data Source={dbFile};Pooling=False",
        "--Calendar:Enabled=false",
        .. broker,
        "--Seed:Centres:0:Id=c", "--Seed:Centres:0:Name=C", "--Seed:Centres:0:Latitude=30.65", "--Seed:Centres:0:Longitude=104.06",
        $"--Seed:Sites:0:Id={Site}", "--Seed:Sites:0:Name=X", "--Seed:Sites:0:Latitude=30.60", "--Seed:Sites:0:Longitude=104.01",
        $"--Seed:Gateways:0:Id={Gateway}", $"--Seed:Gateways:0:SiteId={Site}", $"--Seed:Gateways:0:Secret={Secret}",
    ];

    /// <summary>Bounded wait until the cloud has subscribed on its broker (it connects in the background after start).</summary>
    public static async Task WaitSubscribedAsync(WebApplication app)
    {
        var ingest = app.Services.GetRequiredService<MqttIngestClient>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!ingest.IsConnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(ingest.IsConnected, "the cloud did not subscribe on its broker");
    }

    public static FaultEvent Event(long seq, string device, FaultState state, DateTimeOffset occurredAt) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = Site,
        GatewayId = Gateway,
        Seq = seq,
        PrevSeq = seq - 1,
        DeviceId = device,
        DeviceKind = DeviceKind.Zone,
        Fault = "zone.tamper",
        State = state,
        Severity = FaultSeverity.Major,
        OccurredAt = occurredAt,
    };

    /// <summary>The site's gateway on the cloud's embedded broker, with its credential, over MQTT 5 as the gateway speaks it.</summary>
    public static async Task<IMqttClient> ConnectGatewayAsync(int brokerPort)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", brokerPort).WithClientId(Gateway).WithCredentials(Gateway, Secret)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build());
        return client;
    }

    /// <summary>Published at QoS 1 on the site's events topic, as the gateway's outbox does.</summary>
    public static Task<MqttClientPublishResult> PublishAsync(IMqttClient gateway, FaultEvent e) =>
        gateway.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Events(Site)).WithPayload(PayloadCodec.Encode(e))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
}
