using System.Device.Gpio;
using System.Diagnostics;
using System.Globalization;
using AfterSales.Gateway.Configuration;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Reconnection;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Sequencing;
using AfterSales.Gateway.Simulation;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Benchmarks;

/// <summary>
/// The gateway's own figures with the durable outbox on, against a real Mosquitto:
/// GPIO input change → broker PUBACK latency, and the drain rate of a 100 000-event backlog.
/// The gateway parts are the production classes; only the pins are simulated.
/// </summary>
internal static class OutboxBenchmark
{
    private const int InputPin = 17;

    public static async Task RunAsync(int latencySamples, int backlog)
    {
        var dir = Directory.CreateTempSubdirectory("aftersales-outbox-bench");
        var (broker, port) = await BenchSupport.StartMosquittoAsync(dir.FullName);
        try
        {
            using var cloud = await BenchSupport.SubscribeCloudAsync(port);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AfterSales gateway outbox benchmark: Mosquitto, SQLite WAL synchronous=FULL, {Environment.ProcessorCount} cores"));
            // The same changes read on edge events (libgpiod) and by the 10 ms poll of a driver without them, under the same load.
            await LatencyAsync(Config(port, Path.Combine(dir.FullName, "latency")), latencySamples, edgeEvents: true);
            await LatencyAsync(Config(port, Path.Combine(dir.FullName, "latency-poll")), latencySamples, edgeEvents: false);
            await DrainAsync(Config(port, Path.Combine(dir.FullName, "drain")), backlog);
        }
        finally
        {
            BenchSupport.Stop(broker);
        }

        // The same drain with 32 in flight, against a Mosquitto that turns Nagle off on its sockets.
        (broker, port) = await BenchSupport.StartMosquittoAsync(dir.FullName, "set_tcp_nodelay true");
        try
        {
            using var cloud = await BenchSupport.SubscribeCloudAsync(port);
            var pipelined = Config(port, Path.Combine(dir.FullName, "drain-32"));
            pipelined.Broker.MaxInFlight = 32;
            await DrainAsync(pipelined, backlog, enqueue: false);
        }
        finally
        {
            BenchSupport.Stop(broker);
            dir.Delete(recursive: true);
        }
    }

    private static async Task LatencyAsync(GatewayConfig config, int samples, bool edgeEvents)
    {
        using var outbox = new SqliteOutbox(config.StateDirectory, new OutboxBudget(config.Outbox.MaxBytes));
        var time = TimeProvider.System;
        var tracker = new FaultTracker(config.Identity, new BlockSequenceStore(config.StateDirectory), time);
        var reporter = new FaultReporter(tracker, outbox, NullLogger<FaultReporter>.Instance);
        var health = new LoopHealth(time);
        var driver = new SimulatedGpioDriver(edgeEvents: edgeEvents);
        using var gpio = new GpioController(driver);
        var inputs = new SimulatedInputs(driver, config);
        inputs.SetAllHealthy();
        using var watcher = new InputWatcher(new InputMonitor(gpio, config.InputSettings, time), reporter, health, config.InputSettings, time, NullLogger<InputWatcher>.Instance);
        var observed = new ObservedOutbox(outbox);
        using var uplink = Uplink(config, observed, tracker, health);
        var acked = new TaskCompletionSource();
        observed.Acknowledged += _ => acked.TrySetResult();
        await watcher.StartAsync(CancellationToken.None);
        await uplink.StartAsync(CancellationToken.None);

        var latencies = new List<double>(samples);
        var random = new Random(1);
        for (var i = 0; i < samples + 20; i++)
        {
            acked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var started = Stopwatch.GetTimestamp();
            inputs.TrySet(InputPin, i % 2 == 0 ? InputCondition.Fault : InputCondition.Normal);
            await acked.Task.WaitAsync(TimeSpan.FromSeconds(30));
            if (i >= 20)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }

            // Changes arrive at random moments relative to the poll tick, as real ones do.
            await Task.Delay(random.Next(5, 25));
        }

        latencies.Sort();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"input change -> PUBACK  ({samples} changes, {(edgeEvents ? "edge events" : $"poll {config.PollIntervalMilliseconds} ms")}, debounce 0): p50 {BenchSupport.Percentile(latencies, 0.50):F2} ms, p99 {BenchSupport.Percentile(latencies, 0.99):F2} ms, max {latencies[^1]:F2} ms"));
        await uplink.StopAsync(CancellationToken.None);
        await watcher.StopAsync(CancellationToken.None);
    }

    private static async Task DrainAsync(GatewayConfig config, int backlog, bool enqueue = true)
    {
        using var outbox = new SqliteOutbox(config.StateDirectory, new OutboxBudget(config.Outbox.MaxBytes));
        var tracker = new FaultTracker(config.Identity, new BlockSequenceStore(config.StateDirectory), TimeProvider.System);
        var reporter = new FaultReporter(tracker, outbox, NullLogger<FaultReporter>.Instance);
        var queuing = Stopwatch.StartNew();
        for (var i = 0; i < backlog; i++)
        {
            reporter.Report(EventBurst.Observation(i, DateTimeOffset.UtcNow));
        }

        queuing.Stop();
        var fileMb = new FileInfo(outbox.FilePath).Length / 1024.0 / 1024.0;
        if (enqueue)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"outbox enqueue          ({backlog} events, one fsync'd commit each): {backlog / queuing.Elapsed.TotalSeconds,8:F0} events/s, {outbox.LiveBytes / 1024.0 / 1024.0:F1} MiB counted, file {fileMb:F1} MiB"));
        }

        var drained = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var observed = new ObservedOutbox(outbox);
        observed.Acknowledged += _ =>
        {
            if (outbox.Count == 0)
            {
                drained.TrySetResult();
            }
        };
        using var uplink = Uplink(config, observed, tracker, new LoopHealth(TimeProvider.System));
        var draining = Stopwatch.StartNew();
        await uplink.StartAsync(CancellationToken.None);
        await drained.Task.WaitAsync(TimeSpan.FromMinutes(10));
        draining.Stop();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"outbox drain            ({backlog} queued, connect included, maxInFlight {config.Broker.MaxInFlight}): {backlog / draining.Elapsed.TotalSeconds,8:F0} events/s ({draining.Elapsed.TotalSeconds:F1} s)"));
        await uplink.StopAsync(CancellationToken.None);
    }

    private static MqttUplink Uplink(GatewayConfig config, IUplinkOutbox outbox, FaultTracker tracker, LoopHealth health) => new(
        config.UplinkSettings,
        outbox,
        tracker,
        new ReconnectBackoff(),
        new SiteConfigStore(config.StateDirectory, config.SiteId, null, TimeProvider.System, NullLogger<SiteConfigStore>.Instance),
        new ConnectionState(),
        health,
        TimeProvider.System,
        NullLogger<MqttUplink>.Instance);

    private static GatewayConfig Config(int port, string state) => new()
    {
        SiteId = "site-bench",
        GatewayId = "gw-bench",
        StateDirectory = state,
        Broker = new BrokerConfig { Host = "127.0.0.1", Port = port },
        PollIntervalMilliseconds = 10,
        HeartbeatIntervalSeconds = 30,
        Inputs =
        [
            new InputConfig
            {
                Pin = InputPin,
                Name = "Panel AC power relay",
                DeviceId = "panel",
                DeviceKind = DeviceKind.Panel,
                Fault = FaultCodes.PanelAcLoss,
                Contact = ContactType.NormallyClosed,
                DebounceMilliseconds = 0,
            },
        ],
    };
}
