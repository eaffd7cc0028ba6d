using System.Net;
using System.Net.Sockets;
using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Ingest;

/// <summary>The embedded broker acknowledges an event only once it is in the inbox, and says so when it is not.</summary>
public sealed class EmbeddedBrokerInboxTests : IAsyncLifetime
{
    private const string Site = "site-x";
    private const string Gateway = "gw-x";
    private const string Secret = "secret-x-123";
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-inbox-host-{Guid.NewGuid():N}.db");
    private readonly int _brokerPort = FreePort();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = CloudHost.Build(
        [
            $"--urls=http://127.0.0.1:{FreePort()}",
            $"--Database:ConnectionString=Data Source={_dbFile};Pooling=False",
            $"--Broker:Port={_brokerPort}",
            "--Broker:BindAddress=127.0.0.1",
            "--Calendar:Enabled=false",
            "--Seed:Centres:0:Id=c", "--Seed:Centres:0:Name=C", "--Seed:Centres:0:Latitude=30.65", "--Seed:Centres:0:Longitude=104.06",
            $"--Seed:Sites:0:Id={Site}", "--Seed:Sites:0:Name=X", "--Seed:Sites:0:Latitude=30.60", "--Seed:Sites:0:Longitude=104.01",
            $"--Seed:Gateways:0:Id={Gateway}", $"--Seed:Gateways:0:SiteId={Site}", $"--Seed:Gateways:0:Secret={Secret}",
        ]);
        await _app.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_dbFile);
    }

    [Fact]
    public async Task Publish_StoredOrNot_PubAckSaysWhichAndTheResentEventBecomesATicket()
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _brokerPort).WithClientId(Gateway).WithCredentials(Gateway, Secret)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build());

        var first = await PublishAsync(client, Raise(1, "zone-1"));
        Assert.Equal(MqttClientPublishReasonCode.Success, first.ReasonCode);
        Assert.True(await TicketsAsync(1), "the acknowledged event did not become a ticket");

        // The database cannot take the event: the gateway must hear "not stored" and keep it.
        await ExecuteAsync("ALTER TABLE \"IngestInbox\" RENAME TO \"IngestInboxAway\"");
        var second = Raise(2, "zone-2");
        var refused = await PublishAsync(client, second);
        Assert.Equal(MqttClientPublishReasonCode.ImplementationSpecificError, refused.ReasonCode);

        await ExecuteAsync("ALTER TABLE \"IngestInboxAway\" RENAME TO \"IngestInbox\"");
        var resent = await PublishAsync(client, second);
        Assert.Equal(MqttClientPublishReasonCode.Success, resent.ReasonCode);
        Assert.True(await TicketsAsync(2), "the resent event did not become a ticket");
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, FaultEvent e) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Events(Site)).WithPayload(PayloadCodec.Encode(e))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    private async Task ExecuteAsync(string sql)
    {
        await using var db = _app.Services.GetRequiredService<InboxStore>().OpenDb();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>Polls (bounded) until the desk has worked the inbox into this many tickets.</summary>
    private async Task<bool> TicketsAsync(int count)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync();
            if (await db.Tickets.CountAsync(t => t.SiteId == Site) >= count)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private static FaultEvent Raise(long seq, string device) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = Site,
        GatewayId = Gateway,
        Seq = seq,
        DeviceId = device,
        DeviceKind = DeviceKind.Zone,
        Fault = "zone.tamper",
        State = FaultState.Raised,
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
