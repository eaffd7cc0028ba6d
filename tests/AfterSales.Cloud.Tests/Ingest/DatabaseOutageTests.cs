using System.Diagnostics;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Tests.Operations;
using AfterSales.Cloud.Tests.Storage;
using AfterSales.Cloud.Tests.Web;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using Xunit.Abstractions;

namespace AfterSales.Cloud.Tests.Ingest;

/// <summary>
/// The database goes away in the middle of a gateway's burst (a real PostgreSQL killed, then started
/// again): the embedded broker refuses what it cannot store, acknowledges nothing that is not
/// stored, and everything the gateway keeps resending arrives, once each and in order.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Events = 60;
    private const int OutageAt = 20;
    private static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);
    private readonly PostgresServer _postgres = new();
    private DeskHost _host = null!;

    public async Task InitializeAsync()
    {
        await _postgres.InitializeAsync();
        var connection = await _postgres.CreateDatabaseAsync();
        _host = await DeskHost.StartAsync(new DeskHostSettings
        {
            Extra = ["Database:Provider=postgres", $"Database:ConnectionString={connection};Timeout=3;Command Timeout=5"],
        });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    [Fact]
    public async Task DatabaseKilledDuringBurst_NothingAcknowledgedUnstored_AllArriveOnceInOrder()
    {
        using var gateway = new MqttClientFactory().CreateMqttClient();
        await gateway.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", _host.MqttPort)
            .WithClientId("gw-a").WithCredentials("gw-a", "secret-gw-a").WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build());

        var refused = 0;
        var refusedSeqs = new SortedSet<int>();
        var clock = Stopwatch.StartNew();
        for (var seq = 1; seq <= Events; seq++)
        {
            if (seq == OutageAt)
            {
                _postgres.Kill();
            }

            // As the gateway's outbox does: the same event again until the cloud acknowledges it.
            var payload = PayloadCodec.Encode(Event(seq)).ToArray();
            while (true)
            {
                var result = await gateway.PublishAsync(new MqttApplicationMessageBuilder().WithTopic(MqttTopics.Events("site-a"))
                    .WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());
                if ((int)result.ReasonCode < 0x80)
                {
                    break;
                }

                refused++;
                refusedSeqs.Add(seq);
                Assert.True(clock.Elapsed < Patience, $"seq {seq} still refused after {clock.Elapsed}: {result.ReasonCode}");
                if (refused == 3)
                {
                    // Refused while it was away (nothing acknowledged that is not stored); now it comes back.
                    await _postgres.RestartAsync();
                }
            }
        }

        var occurrences = await UntilAllAppliedAsync();
        output.WriteLine($"{Events} events, {refused} publishes refused during the outage (seq {string.Join(", ", refusedSeqs)}), {occurrences.Count} occurrences stored");
        // The first event published after the kill was refused: nothing was acknowledged that could not be stored.
        Assert.Equal(OutageAt, refusedSeqs.Min);
        Assert.Equal(Enumerable.Range(1, Events).Select(i => (long)i), occurrences.Select(o => o.Seq));
        Assert.DoesNotContain(occurrences, o => o.Stale);
    }

    private async Task<List<TicketOccurrence>> UntilAllAppliedAsync()
    {
        var dbs = _host.App.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        var waited = Stopwatch.StartNew();
        while (true)
        {
            await using var db = await dbs.CreateDbContextAsync();
            var occurrences = await db.Occurrences.AsNoTracking().Where(o => o.GatewayId == "gw-a").OrderBy(o => o.Id).ToListAsync();
            if (occurrences.Count >= Events || waited.Elapsed > Patience)
            {
                return occurrences;
            }

            await Task.Delay(200);
        }
    }

    private static FaultEvent Event(int seq) =>
        GatewayPublisher.Fault("site-a", "gw-a", $"zone-{seq % 4}", DeviceKind.Zone, FaultCodes.ZoneTrouble) with
        {
            Seq = seq,
            State = seq % 8 < 4 ? FaultState.Raised : FaultState.Cleared,
        };
}
