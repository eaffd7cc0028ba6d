using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using AfterSales.Cloud.Broker;
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

namespace AfterSales.Benchmarks;

/// <summary>
/// Fault events through the embedded broker into tickets (SQLite), against the raw QoS 1
/// pub/sub rate of the same broker with no ticketing, so the ticketing overhead is a ratio.
/// </summary>
internal static class PipelineBenchmark
{
    private const string Site = "site-bench";
    private const string Gateway = "gw-bench";
    private const string Secret = "bench-secret-123";

    public static async Task RunAsync(int count)
    {
        var dir = Directory.CreateTempSubdirectory("aftersales-bench");
        var port = FreePort();
        string[] args =
        [
            $"--urls=http://127.0.0.1:{FreePort()}", $"--Database:ConnectionString=Data Source={dir.FullName}/bench.db", $"--Broker:Port={port}",
            "--Serilog:MinimumLevel:Default=Warning",
            "--Seed:Centres:0:Id=c", "--Seed:Centres:0:Name=Centre", "--Seed:Centres:0:Latitude=30.6574", "--Seed:Centres:0:Longitude=104.0657",
            $"--Seed:Sites:0:Id={Site}", "--Seed:Sites:0:Name=Bench", "--Seed:Sites:0:Latitude=30.6050", "--Seed:Sites:0:Longitude=104.0150",
            $"--Seed:Gateways:0:Id={Gateway}", $"--Seed:Gateways:0:SiteId={Site}", $"--Seed:Gateways:0:Secret={Secret}",
        ];
        await using var app = CloudHost.Build(args);
        await app.StartAsync();
        var counters = app.Services.GetRequiredService<IngestCounters>();
        var cloud = app.Services.GetRequiredService<CloudBrokerCredential>();
        while (!app.Services.GetRequiredService<MqttIngestClient>().IsConnected)
        {
            await Task.Delay(50);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AfterSales pipeline benchmark: {count} events, embedded MQTTnet broker, SQLite, {Environment.ProcessorCount} cores"));
        var raw = await RawBrokerRateAsync(port, cloud, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw broker     QoS1 publish -> subscriber: {raw,10:F0} msg/s (no ticketing)"));

        await using var gateway = await ConnectAsync(port, Gateway, Gateway, Secret);
        var burst = await BurstAsync(gateway, counters, count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault->ticket  burst throughput:           {burst,10:F0} events/s (ratio to raw {burst / raw:P1})"));

        var latencies = await PacedLatencyAsync(gateway, counters, Math.Min(count, 1000), perSecond: 200);
        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault->ticket  latency at 200 events/s:    p50 {Percentile(latencies, 0.50):F2} ms, p99 {Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ingest counters: accepted {counters.Accepted}, duplicates {counters.Duplicates}, rejected {counters.Rejected}"));
        await app.StopAsync();
    }

    private static async Task<double> RawBrokerRateAsync(int port, CloudBrokerCredential cloud, int count)
    {
        await using var subscriber = await ConnectAsync(port, "bench-sub", cloud.Username, cloud.Password);
        await using var publisher = await ConnectAsync(port, "bench-pub", cloud.Username, cloud.Password);
        var received = 0;
        var done = new TaskCompletionSource();
        subscriber.Client.ApplicationMessageReceivedAsync += _ =>
        {
            if (Interlocked.Increment(ref received) == count)
            {
                done.TrySetResult();
            }

            return Task.CompletedTask;
        };
        await subscriber.Client.SubscribeAsync("bench/raw", MqttQualityOfServiceLevel.AtLeastOnce);
        var payload = PayloadCodec.Encode(Event(0, FaultState.Raised, "raw"));
        var clock = Stopwatch.StartNew();
        await PublishManyAsync(count, i => publisher.Client.PublishAsync(
            new MqttApplicationMessageBuilder().WithTopic("bench/raw").WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build()));
        await done.Task.WaitAsync(TimeSpan.FromMinutes(5));
        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> BurstAsync(Connection gateway, IngestCounters counters, int count)
    {
        var start = counters.Accepted;
        var clock = Stopwatch.StartNew();
        await PublishManyAsync(count, i => Publish(gateway, Event(i + 1, FaultState.Raised, $"dev-{i}")));
        while (counters.Accepted - start < count)
        {
            await Task.Delay(1);
        }

        return count / clock.Elapsed.TotalSeconds;
    }

    private static async Task<List<double>> PacedLatencyAsync(Connection gateway, IngestCounters counters, int count, int perSecond)
    {
        var latencies = new List<double>(count);
        var interval = TimeSpan.FromSeconds(1.0 / perSecond);
        var baseSeq = 10_000_000L;
        for (var i = 0; i < count; i++)
        {
            var before = counters.Accepted;
            var clock = Stopwatch.StartNew();
            await Publish(gateway, Event(baseSeq + i, i % 2 == 0 ? FaultState.Cleared : FaultState.Raised, $"dev-{i / 2}"));
            while (counters.Accepted == before)
            {
                Thread.SpinWait(50);
            }

            latencies.Add(clock.Elapsed.TotalMilliseconds);
            var rest = interval - clock.Elapsed;
            if (rest > TimeSpan.Zero)
            {
                await Task.Delay(rest);
            }
        }

        return latencies;
    }

    private static async Task PublishManyAsync(int count, Func<int, Task> publish)
    {
        // Up to 64 QoS 1 publishes in flight, as a gateway draining a backlog would have.
        using var window = new SemaphoreSlim(64);
        var tasks = new List<Task>(count);
        for (var i = 0; i < count; i++)
        {
            await window.WaitAsync();
            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                try
                {
                    await publish(n);
                }
                finally
                {
                    window.Release();
                }
            }));
        }

        await Task.WhenAll(tasks);
    }

    private static Task<MqttClientPublishResult> Publish(Connection gateway, FaultEvent e) =>
        gateway.Client.PublishAsync(new MqttApplicationMessageBuilder()
            .WithTopic(MqttTopics.Events(Site))
            .WithPayload(PayloadCodec.Encode(e))
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build());

    private static FaultEvent Event(long seq, FaultState state, string device) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = Site,
        GatewayId = Gateway,
        Seq = Math.Max(1, seq),
        DeviceId = device,
        DeviceKind = DeviceKind.Camera,
        Fault = FaultCodes.CameraOffline,
        State = state,
        Severity = FaultSeverity.Major,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    private static async Task<Connection> ConnectAsync(int port, string clientId, string user, string password)
    {
        var client = new MqttClientFactory().CreateMqttClient();
        await client.ConnectAsync(new MqttClientOptionsBuilder()
            .WithTcpServer("127.0.0.1", port)
            .WithClientId(clientId)
            .WithCredentials(user, password)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .Build());
        return new Connection(client);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Connection(IMqttClient client) : IAsyncDisposable
    {
        public IMqttClient Client { get; } = client;

        public async ValueTask DisposeAsync()
        {
            await Client.DisconnectAsync();
            Client.Dispose();
        }
    }
}
