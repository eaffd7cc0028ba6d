using System.Diagnostics;
using System.Globalization;
using AfterSales.EndToEnd.Tests;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Protocol;
using Npgsql;

namespace AfterSales.Benchmarks;

/// <summary>
/// Two cloud nodes against one (issue 12): durable ingest of the same burst from 100 gateways through
/// one external Mosquitto into one PostgreSQL, first with one node, then with two on the shared
/// subscription, beside the raw QoS 1 rate of that Mosquitto. The nodes are real processes started by
/// the end-to-end tests' <see cref="CloudFleet"/> (linked into this project), as production runs them.
/// "Durable" here is what the external-broker path promises: the event is committed to the inbox (the
/// node acknowledges it to the broker after that commit). The nodes only take events
/// (<c>Ingest:WorkInbox=false</c>) so the figure is intake, not the desk.
/// </summary>
internal static class SharedNodesBenchmark
{
    public static async Task RunAsync(int events, int gateways, int inflight, IEnumerable<string> nodeSettings)
    {
        gateways = Math.Min(gateways, 100); // CloudFleet names sites with two digits
        var perGateway = events / gateways;
        var burst = perGateway * gateways;
        await using var engine = await BenchDatabase.CreateAsync("postgres");
        List<string> settings = ["--Ingest:WorkInbox=false", .. nodeSettings];
        await using var fleet = await CloudFleet.StartSharedAsync(gateways, nodes: 2, engine.ConnectionString, settings, $"max_inflight_messages {inflight.ToString(CultureInfo.InvariantCulture)}");
        Print($"AfterSales two nodes against one: {burst} events from {gateways} gateways per run, Mosquitto (persistence on, max_inflight_messages {inflight}) + PostgreSQL (fsync on), node settings {string.Join(' ', settings)}, {Environment.ProcessorCount} cores, load average {BenchSupport.LoadAverage()}");

        var clients = new List<IMqttClient>();
        for (var i = 0; i < gateways; i++)
        {
            clients.Add(await BenchSupport.ConnectAsync(fleet.BrokerPort, CloudFleet.GatewayId(i), CloudFleet.GatewayId(i), CloudFleet.Secret));
        }

        var raw = await RawRateAsync(fleet.BrokerPort, clients, perGateway);
        Print($"raw Mosquitto   QoS 1 PUBACKs, {gateways} publishers, 1 subscriber:  {raw,9:F0} msg/s");

        await using var inbox = new NpgsqlConnection(engine.ConnectionString);
        await inbox.OpenAsync();
        await fleet.StartNodeAsync(0);
        await Task.Delay(2000); // its subscription in place
        var one = await BurstAsync(clients, inbox, perGateway, firstSeq: 1, expected: burst);
        Print($"1 node          committed to the inbox:                   {one.Rate,9:F0} events/s ({burst} in {one.Stored.TotalSeconds:F1} s; the broker acknowledged all after {one.Acked.TotalSeconds:F1} s); load average {BenchSupport.LoadAverage()}");

        await fleet.StartNodeAsync(1);
        await Task.Delay(2000);
        var two = await BurstAsync(clients, inbox, perGateway, firstSeq: perGateway + 1, expected: 2 * burst);
        Print($"2 nodes         committed to the inbox:                   {two.Rate,9:F0} events/s ({burst} in {two.Stored.TotalSeconds:F1} s; the broker acknowledged all after {two.Acked.TotalSeconds:F1} s); load average {BenchSupport.LoadAverage()}");
        Print($"ratio           2 nodes / 1 node {two.Rate / one.Rate:F2}; 1 node / raw {one.Rate / raw:P0}, 2 nodes / raw {two.Rate / raw:P0}");

        foreach (var c in clients)
        {
            await c.DisconnectAsync();
            c.Dispose();
        }
    }

    /// <summary>Every gateway publishes its share one QoS 1 publish at a time; timed until the inbox holds <paramref name="expected"/> rows.</summary>
    private static async Task<(double Rate, TimeSpan Acked, TimeSpan Stored)> BurstAsync(List<IMqttClient> clients, NpgsqlConnection inbox, int perGateway, long firstSeq, int expected)
    {
        var clock = Stopwatch.StartNew();
        var acked = TimeSpan.Zero;
        var publishing = Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            for (var seq = firstSeq; seq < firstSeq + perGateway; seq++)
            {
                var result = await c.PublishAsync(Message(MqttTopics.Events(CloudFleet.SiteId(i)), PayloadCodec.Encode(Event(i, seq))));
                if (result.ReasonCode != MqttClientPublishReasonCode.Success)
                {
                    throw new InvalidOperationException($"{CloudFleet.GatewayId(i)}: PUBACK {result.ReasonCode}");
                }
            }
        }))).ContinueWith(_ => acked = clock.Elapsed, TaskScheduler.Default);
        await using var count = new NpgsqlCommand("SELECT count(*) FROM \"IngestInbox\"", inbox);
        while ((long)(await count.ExecuteScalarAsync())! < expected)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(10))
            {
                throw new TimeoutException($"the inbox did not reach {expected} rows in 10 minutes");
            }

            await Task.Delay(20);
        }

        var stored = clock.Elapsed;
        await publishing;
        return ((expected == 0 ? 0 : perGateway * clients.Count) / stored.TotalSeconds, acked, stored);
    }

    /// <summary>The same publishers and payloads to a plain subscriber with the cloud's credential, before any node has a session.</summary>
    private static async Task<double> RawRateAsync(int port, List<IMqttClient> clients, int perGateway)
    {
        var subscriber = await BenchSupport.ConnectAsync(port, "bench-raw-subscriber", CloudFleet.CloudBrokerUser, CloudFleet.CloudBrokerPassword);
        await subscriber.SubscribeAsync(MqttTopics.AllSites(TopicKind.Events), MqttQualityOfServiceLevel.AtLeastOnce);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            var message = Message(MqttTopics.Events(CloudFleet.SiteId(i)), PayloadCodec.Encode(Event(i, 0)));
            for (var n = 0; n < perGateway; n++)
            {
                await c.PublishAsync(message);
            }
        })));
        var rate = perGateway * clients.Count / clock.Elapsed.TotalSeconds;
        await subscriber.DisconnectAsync();
        subscriber.Dispose();
        return rate;
    }

    private static MqttApplicationMessage Message(string topic, byte[] payload) =>
        new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();

    private static FaultEvent Event(int gateway, long seq) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = CloudFleet.SiteId(gateway),
        GatewayId = CloudFleet.GatewayId(gateway),
        Seq = seq,
        PrevSeq = seq - 1,
        DeviceId = $"dev-{seq % 16}",
        DeviceKind = DeviceKind.Camera,
        Fault = FaultCodes.CameraOffline,
        State = seq % 2 == 1 ? FaultState.Raised : FaultState.Cleared,
        Severity = FaultSeverity.Major,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
