using System.Diagnostics;
using System.Globalization;
using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Ingest;
using AfterSales.Cloud.Mqtt;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AfterSales.Benchmarks;

/// <summary>
/// Durable ingest: many gateways publish at once, each one QoS 1 publish at a time as a gateway's
/// outbox does, and a PUBACK means the event is committed to the inbox. Printed beside the raw QoS 1
/// rate of the same broker with the same number of publishers, then how fast the desk works the
/// inbox, then publish → applied latency at a steady rate.
/// </summary>
internal static class IngestBenchmark
{
    private const string Secret = "bench-secret-123";

    public static async Task RunAsync(int events, int gateways, int latencyRate, string database, IEnumerable<string> hostSettings)
    {
        await using var engine = await BenchDatabase.CreateAsync(database);
        var port = BenchSupport.FreePort();
        await using var app = CloudHost.Build([.. HostArguments(engine, port, gateways, technicians: 0), .. hostSettings]);
        await app.StartAsync();
        var counters = app.Services.GetRequiredService<IngestCounters>();
        var cloud = app.Services.GetRequiredService<CloudBrokerCredential>();
        var worksInbox = app.Services.GetRequiredService<IOptions<InboxOptions>>().Value.WorkInbox;
        Print($"AfterSales durable ingest benchmark: {events} events from {gateways} gateways, embedded MQTTnet broker, {engine.Provider}, {Environment.ProcessorCount} cores, desk {(worksInbox ? "working" : "off")}, load average {BenchSupport.LoadAverage()}");

        var (raw, received) = await RawRateAsync(port, cloud, events, gateways);
        Print($"raw broker      QoS1 PUBACKs, {gateways} publishers, 1 subscriber:  {raw,9:F0} msg/s (the subscriber got {received} of {events / gateways * gateways}: the rest the broker dropped from its in-memory queue)");

        var clients = new List<IMqttClient>();
        for (var i = 0; i < gateways; i++)
        {
            clients.Add(await BenchSupport.ConnectAsync(port, Gateway(i), Gateway(i), Secret));
        }

        var appliedBefore = counters.Accepted + counters.Duplicates;
        var clock = Stopwatch.StartNew();
        var perGateway = events / gateways;
        var refused = 0;
        await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            for (var n = 1; n <= perGateway; n++)
            {
                var result = await PublishAsync(c, Event(i, n, $"dev-{n % 16}", n % 2 == 1 ? FaultState.Raised : FaultState.Cleared));
                if (result.ReasonCode != MqttClientPublishReasonCode.Success)
                {
                    Interlocked.Increment(ref refused);
                }
            }
        })));
        var acked = clock.Elapsed;
        var durable = perGateway * gateways / acked.TotalSeconds;
        Print($"durable ingest  PUBACK = committed to the inbox:          {durable,9:F0} events/s (ratio to raw {durable / raw:P0}; {refused} refused)");

        if (!worksInbox)
        {
            Print($"service desk    off (Ingest:WorkInbox=false): intake alone; load average {BenchSupport.LoadAverage()}");
            await DisconnectAsync(clients);
            await app.StopAsync();
            return;
        }

        var target = appliedBefore + (perGateway * gateways);
        var patience = Stopwatch.StartNew();
        while (counters.Accepted + counters.Duplicates < target && patience.Elapsed < TimeSpan.FromSeconds(120))
        {
            await Task.Delay(20);
        }

        var applied = counters.Accepted + counters.Duplicates - appliedBefore;
        Print($"service desk    inbox worked into tickets:                 {applied / clock.Elapsed.TotalSeconds,9:F0} events/s ({applied} of {perGateway * gateways} applied {clock.Elapsed.TotalSeconds:F1} s after the burst began)");

        if (latencyRate <= 0)
        {
            Print($"latency         not asked for (rate 0); load average {BenchSupport.LoadAverage()}");
        }
        else if (applied >= perGateway * gateways)
        {
            var latencies = await PacedLatencyAsync(clients, counters, latencyRate, seconds: 5);
            Print($"latency         publish -> applied at {latencyRate}/s: p50 {BenchSupport.Percentile(latencies, 0.50):F1} ms, p99 {BenchSupport.Percentile(latencies, 0.99):F1} ms, max {latencies[^1]:F1} ms");
        }
        else
        {
            Print($"latency         skipped: the desk has not caught up with the burst");
        }

        await DisconnectAsync(clients);
        await app.StopAsync();
    }

    private static async Task DisconnectAsync(List<IMqttClient> clients)
    {
        foreach (var c in clients)
        {
            await c.DisconnectAsync();
            c.Dispose();
        }
    }

    /// <summary>
    /// A regional storm: every site reports new faults at once (distinct devices, so each one opens a
    /// ticket with its deadlines, timers, incident and dispatch decision among on-duty technicians).
    /// Measured from the first publish until the desk has opened every ticket. A storm hits a cloud that
    /// has been running, so <paramref name="warmUpSites"/> other sites first report the same kind of
    /// faults and the storm starts once those are worked (the JIT has then compiled the desk's path);
    /// the warm-up's own time is printed as the cold figure.
    /// </summary>
    public static async Task StormAsync(int faults, int sites, int warmUpSites, string database, IEnumerable<string> hostSettings)
    {
        await using var engine = await BenchDatabase.CreateAsync(database);
        var port = BenchSupport.FreePort();
        await using var app = CloudHost.Build([.. HostArguments(engine, port, sites + warmUpSites, technicians: 50), .. hostSettings]);
        await app.StartAsync();
        var counters = app.Services.GetRequiredService<IngestCounters>();
        Print($"AfterSales storm benchmark: {faults} new faults from {sites} sites after a warm-up from {warmUpSites} others, 50 technicians on duty, embedded MQTTnet broker, {engine.Provider}, {Environment.ProcessorCount} cores");
        var clients = new List<IMqttClient>();
        for (var i = 0; i < sites + warmUpSites; i++)
        {
            clients.Add(await BenchSupport.ConnectAsync(port, Gateway(i), Gateway(i), Secret));
        }

        var perSite = faults / sites;
        if (warmUpSites > 0)
        {
            var cold = await BurstAsync(clients[sites..], sites, perSite, counters, warmUpSites * perSite);
            Print($"warm-up         {counters.Accepted} tickets from {warmUpSites} sites on the cold process after {cold.Opened.TotalSeconds:F1} s ({counters.Accepted / cold.Opened.TotalSeconds:F0} tickets/s)");
        }

        var before = counters.Accepted;
        var statements = Environment.GetEnvironmentVariable("AFTERSALES_BENCH_SQL") == "1";
        using var work = new EfCommandCounts(statements);
        var storm = await BurstAsync(clients[..sites], 0, perSite, counters, before + (perSite * sites));
        var opened = counters.Accepted - before;
        Print($"storm           all {perSite * sites} acknowledged (durable) after {storm.Acked.TotalSeconds:F1} s ({perSite * sites / storm.Acked.TotalSeconds:F0} events/s)");
        Print($"storm           {opened} tickets opened with deadlines and dispatch after {storm.Opened.TotalSeconds:F1} s ({opened / storm.Opened.TotalSeconds:F0} tickets/s)");
        var tickets = Math.Max(1, opened);
        Print($"storm           work per ticket (whole process, intake included): {(double)work.Commands / tickets:F1} SQL commands, {(double)work.SaveChanges / tickets:F2} SaveChanges, {(double)work.Compilations / tickets:F2} query compilations, {work.Cpu.TotalMilliseconds / tickets:F2} ms CPU");
        if (statements)
        {
            foreach (var (command, count, duration) in work.TopCommands(40))
            {
                Print($"sql             {(double)count / tickets,6:F2} per ticket {duration.TotalMilliseconds / tickets,6:F3} ms  {(command.Length > 110 ? command[..110] : command)}");
            }

            foreach (var (command, count, duration) in work.SlowestCommands(6))
            {
                Print($"slowest         {duration.TotalMilliseconds / tickets,6:F3} ms per ticket in {count} runs: {command}");
                if (engine.Provider == "sqlite" && command.StartsWith("SELECT", StringComparison.Ordinal))
                {
                    Print($"  plan          {string.Join(" | ", work.SqlitePlan(engine.ConnectionString, command))}");
                }
            }
        }

        foreach (var c in clients)
        {
            await c.DisconnectAsync();
            c.Dispose();
        }

        await app.StopAsync();
    }

    /// <summary>Each client publishes <paramref name="perSite"/> new faults at once; returns when all are acknowledged and when the desk's count reached <paramref name="until"/>.</summary>
    private static async Task<(TimeSpan Acked, TimeSpan Opened)> BurstAsync(IReadOnlyList<IMqttClient> clients, int firstSite, int perSite, IngestCounters counters, long until)
    {
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            for (var n = 1; n <= perSite; n++)
            {
                await PublishAsync(c, Event(firstSite + i, n, $"cam-{n}", FaultState.Raised));
            }
        })));
        var acked = clock.Elapsed;
        while (counters.Accepted < until && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(20);
        }

        return (acked, clock.Elapsed);
    }

    /// <summary>The cloud on the benchmark's database and broker port: one centre, a gateway per site, technicians on duty from now.</summary>
    private static List<string> HostArguments(BenchDatabase engine, int port, int sites, int technicians)
    {
        List<string> args =
        [
            $"--urls=http://127.0.0.1:{BenchSupport.FreePort()}", $"--Database:Provider={engine.Provider}", $"--Database:ConnectionString={engine.ConnectionString}",
            $"--Broker:Port={port}", "--Broker:BindAddress=127.0.0.1", $"--Broker:MaxConnections={sites + 200}", "--Serilog:MinimumLevel:Default=Warning", "--Calendar:Enabled=false",
            "--Gateways:OfflineAfterSeconds=3600",
            "--Seed:Centres:0:Id=c", "--Seed:Centres:0:Name=Centre", "--Seed:Centres:0:Latitude=30.6574", "--Seed:Centres:0:Longitude=104.0657",
        ];
        for (var i = 0; i < sites; i++)
        {
            args.AddRange([$"--Seed:Sites:{i}:Id={Site(i)}", $"--Seed:Sites:{i}:Name=S{i}", $"--Seed:Sites:{i}:Latitude=30.6050", $"--Seed:Sites:{i}:Longitude=104.0150",
                $"--Seed:Gateways:{i}:Id={Gateway(i)}", $"--Seed:Gateways:{i}:SiteId={Site(i)}", $"--Seed:Gateways:{i}:Secret={Secret}"]);
        }

        var now = DateTimeOffset.UtcNow;
        for (var t = 0; t < technicians; t++)
        {
            args.AddRange([$"--Seed:Technicians:{t}:Id=tech-{t}", $"--Seed:Technicians:{t}:Name=Tech {t}", $"--Seed:Technicians:{t}:Skills=alarm,cctv,ptz,power,cabling",
                $"--Seed:Technicians:{t}:BaseLatitude=30.62", $"--Seed:Technicians:{t}:BaseLongitude=104.03", $"--Seed:Technicians:{t}:WorksBusinessHours=false",
                $"--Seed:DutyShifts:{t}:TechnicianId=tech-{t}", $"--Seed:DutyShifts:{t}:Start={now.AddHours(-1):O}", $"--Seed:DutyShifts:{t}:End={now.AddHours(12):O}"]);
        }

        return args;
    }

    /// <summary>
    /// Events at a steady rate spread over the gateways; the k-th event counts as applied when the
    /// desk's k-th application is counted (the inbox is worked in commit order, so this is close).
    /// </summary>
    private static async Task<List<double>> PacedLatencyAsync(List<IMqttClient> clients, IngestCounters counters, int rate, int seconds)
    {
        var total = rate * seconds;
        var sent = new long[total];
        var done = new long[total];
        var start = counters.Accepted + counters.Duplicates;
        var watcher = Task.Run(() =>
        {
            var seen = 0L;
            while (seen < total)
            {
                var now = counters.Accepted + counters.Duplicates - start;
                while (seen < now && seen < total)
                {
                    done[seen++] = Stopwatch.GetTimestamp();
                }

                Thread.SpinWait(20);
            }
        });
        var clock = Stopwatch.StartNew();
        var publishes = new List<Task>(total);
        for (var k = 0; k < total; k++)
        {
            var due = TimeSpan.FromSeconds((double)k / rate);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }

            var gateway = k % clients.Count;
            sent[k] = Stopwatch.GetTimestamp();
            publishes.Add(PublishAsync(clients[gateway], Event(gateway, 1_000_000 + k, $"lat-{k % 16}", (k / clients.Count) % 2 == 0 ? FaultState.Raised : FaultState.Cleared)));
        }

        await Task.WhenAll(publishes);
        await watcher.WaitAsync(TimeSpan.FromSeconds(120));
        var latencies = sent.Zip(done, (s, d) => Stopwatch.GetElapsedTime(s, d).TotalMilliseconds).ToList();
        latencies.Sort();
        return latencies;
    }

    /// <summary>PUBACKs per second when the broker only queues the message in memory for a subscriber.</summary>
    private static async Task<(double Rate, int Received)> RawRateAsync(int port, CloudBrokerCredential cloud, int events, int publishers)
    {
        var subscriber = await BenchSupport.ConnectAsync(port, "bench-raw-sub", cloud.Username, cloud.Password);
        var perPublisher = events / publishers;
        var received = 0;
        subscriber.ApplicationMessageReceivedAsync += _ =>
        {
            Interlocked.Increment(ref received);
            return Task.CompletedTask;
        };
        await subscriber.SubscribeAsync("bench/raw/#", MqttQualityOfServiceLevel.AtLeastOnce);
        var clients = new List<IMqttClient>();
        for (var i = 0; i < publishers; i++)
        {
            clients.Add(await BenchSupport.ConnectAsync(port, $"bench-raw-{i}", cloud.Username, cloud.Password));
        }

        var payload = PayloadCodec.Encode(Event(0, 1, "raw", FaultState.Raised));
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(clients.Select((c, i) => Task.Run(async () =>
        {
            var message = new MqttApplicationMessageBuilder().WithTopic($"bench/raw/{i}").WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
            for (var n = 0; n < perPublisher; n++)
            {
                await c.PublishAsync(message);
            }
        })));
        var rate = perPublisher * publishers / clock.Elapsed.TotalSeconds;
        foreach (var c in clients.Append(subscriber))
        {
            await c.DisconnectAsync();
            c.Dispose();
        }

        return (rate, Volatile.Read(ref received));
    }

    private static Task<MqttClientPublishResult> PublishAsync(IMqttClient client, FaultEvent e) =>
        client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Events(e.SiteId)).WithPayload(PayloadCodec.Encode(e))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build());

    private static FaultEvent Event(int gateway, long seq, string device, FaultState state) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = Site(gateway),
        GatewayId = Gateway(gateway),
        Seq = seq,
        DeviceId = device,
        DeviceKind = DeviceKind.Camera,
        Fault = FaultCodes.CameraOffline,
        State = state,
        Severity = FaultSeverity.Major,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private static string Site(int i) => "site-" + i.ToString("000", CultureInfo.InvariantCulture);

    private static string Gateway(int i) => "gw-" + i.ToString("000", CultureInfo.InvariantCulture);

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));
}
