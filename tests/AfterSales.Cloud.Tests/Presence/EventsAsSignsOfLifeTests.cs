using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Support;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Presence;

/// <summary>
/// A real cloud host with its embedded broker, on a fake clock: a gateway whose heartbeats stop while its events keep
/// arriving (a burst in front of them) is still heard (service rules §2.14), and is a fault once its events stop too.
/// </summary>
public sealed class EventsAsSignsOfLifeTests : IAsyncLifetime
{
    private const string Site = "site-x";
    private const string Gateway = "gw-x";
    private const string Secret = "secret-x-123";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 3, 8, 0, 0, TimeSpan.Zero));
    private readonly string _dbFile = Path.Combine(Path.GetTempPath(), $"aftersales-presence-{Guid.NewGuid():N}.db");
    private readonly int _brokerPort = FreePorts.Next();
    private WebApplication _app = null!;

    public async Task InitializeAsync()
    {
        _app = CloudHost.Build(
        [
            $"--urls=http://127.0.0.1:{FreePorts.Next()}",
            $"--Database:ConnectionString=Data Source={_dbFile};Pooling=False",
            $"--Broker:Port={_brokerPort}",
            "--Broker:BindAddress=127.0.0.1",
            "--Calendar:Enabled=false",
            "--Seed:Centres:0:Id=c", "--Seed:Centres:0:Name=C", "--Seed:Centres:0:Latitude=30.65", "--Seed:Centres:0:Longitude=104.06",
            $"--Seed:Sites:0:Id={Site}", "--Seed:Sites:0:Name=X", "--Seed:Sites:0:Latitude=30.60", "--Seed:Sites:0:Longitude=104.01",
            $"--Seed:Gateways:0:Id={Gateway}", $"--Seed:Gateways:0:SiteId={Site}", $"--Seed:Gateways:0:Secret={Secret}",
        ], _time);
        await _app.StartAsync();

        // Silence counts from when the cloud's subscription came up (§2.14a): wait for it before the clock moves.
        var ingest = _app.Services.GetRequiredService<MqttIngestClient>();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!ingest.IsConnected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        Assert.True(ingest.IsConnected, "the cloud did not subscribe on its broker");
    }

    public async Task DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        File.Delete(_dbFile);
    }

    [Fact]
    public async Task HeartbeatsStopWhileEventsKeepComing_NoOfflineTicket_UntilTheEventsStopToo()
    {
        var presence = _app.Services.GetRequiredService<PresenceService>();
        presence.Seen(Gateway, Site); // the last heartbeat heard
        using var gateway = new MqttClientFactory().CreateMqttClient();
        await gateway.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", _brokerPort).WithClientId(Gateway).WithCredentials(Gateway, Secret)
            .WithProtocolVersion(MqttProtocolVersion.V500).Build());

        // Two minutes of events, one every 30 s, and no heartbeat: longer than the 90 s promise.
        for (var seq = 1; seq <= 4; seq++)
        {
            _time.Advance(TimeSpan.FromSeconds(30));
            var stored = await gateway.PublishAsync(new MqttApplicationMessageBuilder()
                .WithTopic(MqttTopics.Events(Site)).WithPayload(PayloadCodec.Encode(Raise(seq, _time.GetUtcNow())))
                .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
            Assert.Equal(MqttClientPublishReasonCode.Success, stored.ReasonCode);
            await presence.SweepAsync(default);
        }

        Assert.False(await OfflineTicketAsync(), "a gateway sending events was taken for offline");

        _time.Advance(TimeSpan.FromSeconds(90));
        await presence.SweepAsync(default);
        Assert.True(await OfflineTicketAsync(), "a gateway silent for 90 s after its last event was not taken for offline");
    }

    private async Task<bool> OfflineTicketAsync()
    {
        await using var db = await _app.Services.GetRequiredService<IDbContextFactory<CloudDb>>().CreateDbContextAsync();
        return await db.Tickets.AnyAsync(t => t.Fault == FaultCodes.GatewayOffline && t.RestoredAt == null);
    }

    private static FaultEvent Raise(long seq, DateTimeOffset at) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = Site,
        GatewayId = Gateway,
        Seq = seq,
        DeviceId = $"zone-{seq}",
        DeviceKind = DeviceKind.Zone,
        Fault = "zone.tamper",
        State = FaultState.Raised,
        Severity = FaultSeverity.Major,
        OccurredAt = at,
    };
}
