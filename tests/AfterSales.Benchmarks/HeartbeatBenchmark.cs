using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Runtime.InteropServices;
using AfterSales.Cloud.Hosting;
using AfterSales.Cloud.Mqtt;
using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Storage;
using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Tickets;
using AfterSales.Protocol.Faults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Benchmarks;

/// <summary>
/// 100 000 sites heartbeating every 30 s on one cloud node (issue 12). The cloud runs in this process
/// with its embedded broker, as a single node is deployed; the sites run in a child process
/// (<see cref="HeartbeatLoad"/>), so this process's CPU time, RSS and GC heap are the cloud's. Prints
/// the steady phase's CPU, memory and database writes, then silences 100 gateways and prints how
/// long each took to be noticed offline (a <c>gateway.offline</c> ticket opened).
/// </summary>
internal static partial class HeartbeatBenchmark
{
    private const int RlimitNofile = 7;

    public static async Task RunAsync(int sites, int connections, string database, IEnumerable<string> hostSettings)
    {
        connections = Math.Min(connections, sites);
        var files = RaiseOpenFileLimit((ulong)connections + 4096);
        await using var engine = await BenchDatabase.CreateAsync(database);
        string[] args = [.. HostArguments(engine, connections), .. hostSettings];

        // Seeded by a first start (which creates the schema), then the cloud starts again on the fleet: as a restart does.
        var seeding = Stopwatch.StartNew();
        await using (var first = CloudHost.Build(args))
        {
            await first.StartAsync();
            await SeedAsync(first.Services.GetRequiredService<IDbContextFactory<CloudDb>>(), sites, connections);
            await first.StopAsync();
        }

        var seeded = seeding.Elapsed;
        await using var app = CloudHost.Build(args);
        await app.StartAsync();
        var up = Stopwatch.StartNew();
        var dbs = app.Services.GetRequiredService<IDbContextFactory<CloudDb>>();
        var cloud = app.Services.GetRequiredService<CloudBrokerCredential>();
        var port = int.Parse(args.Single(a => a.StartsWith("--Broker:Port=", StringComparison.Ordinal)).Split('=')[1], CultureInfo.InvariantCulture);
        Print($"AfterSales heartbeat benchmark: {sites} sites every {HeartbeatLoad.Period.TotalSeconds:F0} s, {connections} on their own MQTT connection, one cloud node in this process (embedded MQTTnet broker, {engine.Provider}), {Environment.ProcessorCount} cores, open-file limit {files}, load average {BenchSupport.LoadAverage()}");
        Print($"seed            {sites} sites and gateways inserted in batches (and the schema created) in {seeded.TotalSeconds:F1} s");

        using var writes = new WriteCounter();
        using var received = new HeartbeatMeter();
        var aggregators = Math.Max(1, (sites - connections + 9_999) / 10_000);
        using var load = StartLoad(port, sites, connections, aggregators, cloud);
        var ready = await load.WaitForAsync("ready ", TimeSpan.FromMinutes(30));
        var readyParts = ready.Split(' ');
        Print($"connect         {readyParts[1]} gateway connections up ({readyParts[2]} failed) after {readyParts[3]} s; the other {sites - connections} sites' heartbeats over {aggregators} connection(s) with the cloud's credential");

        // One full period so every site has been heard from since all connections were up.
        await Task.Delay(HeartbeatLoad.Period + TimeSpan.FromSeconds(5));
        var steady = TimeSpan.FromSeconds(60);
        var self = Process.GetCurrentProcess();
        self.Refresh();
        var (cpu0, load0, writes0, commands0, beats0) = (self.TotalProcessorTime, load.Process.TotalProcessorTime, writes.Writes, writes.Commands, received.Count);
        var wall = Stopwatch.StartNew();
        var steadyFrom = DateTimeOffset.UtcNow;
        await Task.Delay(steady);
        self.Refresh();
        var seconds = wall.Elapsed.TotalSeconds;
        var cloudCpu = (self.TotalProcessorTime - cpu0).TotalSeconds / seconds;
        var loadCpu = (load.Process.TotalProcessorTime - load0).TotalSeconds / seconds;
        var beats = received.Count - beats0;
        Print($"steady {seconds:F0} s     the cloud received {beats / seconds:F0} heartbeats/s (expected {sites / HeartbeatLoad.Period.TotalSeconds:F0}/s); load average {BenchSupport.LoadAverage()}");
        Print($"cloud CPU       {cloudCpu:P0} of one core (process CPU time / wall; the sites' process used {loadCpu:P0})");
        Print($"cloud memory    RSS {self.WorkingSet64 / 1048576.0:F0} MiB, GC heap {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:F0} MiB ({GC.GetTotalMemory(forceFullCollection: false) / 1048576.0:F0} MiB live and not yet collected)");
        Print($"database        {writes.Writes - writes0} write commands (INSERT/UPDATE/DELETE) and {writes.Commands - commands0} commands in all during the steady phase, for {beats} heartbeats");

        var warmUpOffline = await FalseOfflineAsync(dbs, [], DateTimeOffset.MinValue);
        var silenced = await SilenceAsync(load);
        var detected = await WaitForOfflineAsync(dbs, silenced, TimeSpan.FromSeconds(180));
        foreach (var mode in silenced.Values.Select(s => s.Mode).Distinct().Order(StringComparer.Ordinal))
        {
            var delays = silenced.Where(s => s.Value.Mode == mode && detected.ContainsKey(s.Key)).Select(s => (detected[s.Key] - s.Value.At).TotalSeconds).Order().ToList();
            var sinceBeat = silenced.Where(s => s.Value.Mode == mode && detected.ContainsKey(s.Key)).Select(s => (detected[s.Key] - s.Value.LastHeartbeat).TotalSeconds).Order().ToList();
            var count = silenced.Count(s => s.Value.Mode == mode);
            Print($"offline {mode,-7} {delays.Count} of {count} detected; after silence p50 {P(delays, 0.5)} s, max {P(delays, 1)} s; after their last heartbeat p50 {P(sinceBeat, 0.5)} s, max {P(sinceBeat, 1)} s");
        }

        var all = silenced.Where(s => detected.ContainsKey(s.Key)).Select(s => (detected[s.Key] - s.Value.At).TotalSeconds).Order().ToList();
        var late = all.Count(d => d > 90);
        Print($"offline all     {all.Count} of {silenced.Count} detected, p50 {P(all, 0.5)} s, max {P(all, 1)} s; {late} later than 90 s after silence");
        // The first last-heard write comes one interval after the cloud started, at a sweep (every 5 s).
        if (PresenceService.LastHeardWriteInterval + TimeSpan.FromSeconds(10) - up.Elapsed is { Ticks: > 0 } untilWritten)
        {
            await Task.Delay(untilWritten);
        }

        var (gatewayWrites, gatewayWriteTime, gatewayWriteMax) = writes.GatewayWrites;
        Print($"last heard      {gatewayWrites} statements wrote gateways' LastSeenAt over the whole run (first sightings, and every gateway heard, 500 a statement, every {PresenceService.LastHeardWriteInterval.TotalMinutes:F0} min from the cloud's start), {gatewayWriteTime.TotalMilliseconds:F0} ms in all, the longest {gatewayWriteMax.TotalMilliseconds:F0} ms");
        Print($"false offline   {await FalseOfflineAsync(dbs, silenced, steadyFrom)} gateways that kept heartbeating were taken for offline from the steady phase on ({warmUpOffline} from the start until the silence, most while the cloud started and the gateways logged in)");
        await load.StopAsync();
        await app.StopAsync();
    }

    private static string P(List<double> sorted, double p) => sorted.Count == 0 ? "-" : BenchSupport.Percentile(sorted, p).ToString("F1", CultureInfo.InvariantCulture);

    /// <summary>The fleet in batches of 5 000 without change tracking: what an import of an existing customer base does.</summary>
    private static async Task SeedAsync(IDbContextFactory<CloudDb> dbs, int sites, int connections)
    {
        // The fleet's gateways were enrolled: their secrets were issued, and are hashed at the issued cost.
        var hash = GatewaySecrets.HashIssued(HeartbeatLoad.Secret);
        var now = DateTimeOffset.UtcNow;
        for (var start = 0; start < sites; start += 5_000)
        {
            await using var db = await dbs.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var batch = Enumerable.Range(start, Math.Min(5_000, sites - start)).ToList();
            db.Sites.AddRange(batch.Select(i => new Site { Id = HeartbeatLoad.Site(i), Name = "Site " + i.ToString(CultureInfo.InvariantCulture), Latitude = 30.6, Longitude = 104.0 }));

            // Sites on their own connection are new to this cloud (watched from their first heartbeat); the rest were
            // heard before the restart, so they are watched from the start and must keep heartbeating.
            db.Gateways.AddRange(batch.Select(i => new RegisteredGateway { Id = HeartbeatLoad.Gateway(i), SiteId = HeartbeatLoad.Site(i), SecretHash = hash, LastSeenAt = i < connections ? null : now }));
            await db.SaveChangesAsync();
        }
    }

    private static List<string> HostArguments(BenchDatabase engine, int connections) =>
    [
        $"--urls=http://127.0.0.1:{BenchSupport.FreePort()}", $"--Database:Provider={engine.Provider}", $"--Database:ConnectionString={engine.ConnectionString}",
        $"--Broker:Port={BenchSupport.FreePort()}", "--Broker:BindAddress=127.0.0.1", $"--Broker:MaxConnections={connections + 200}",
        "--Serilog:MinimumLevel:Default=Warning", "--Serilog:MinimumLevel:Override:AfterSales.Cloud.Presence=Error", "--Serilog:MinimumLevel:Override:AfterSales.Cloud.Tickets=Error", "--Calendar:Enabled=false",
        "--Seed:Centres:0:Id=c", "--Seed:Centres:0:Name=Centre", "--Seed:Centres:0:Latitude=30.6574", "--Seed:Centres:0:Longitude=104.0657",
    ];

    private static LoadProcess StartLoad(int port, int sites, int connections, int aggregators, CloudBrokerCredential cloud)
    {
        var self = Environment.GetCommandLineArgs()[0];
        var info = new ProcessStartInfo(self.EndsWith(".dll", StringComparison.Ordinal) ? "dotnet" : self)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        if (self.EndsWith(".dll", StringComparison.Ordinal))
        {
            info.ArgumentList.Add(self);
        }

        foreach (var a in new object[] { "heartbeat-load", port, sites, connections, aggregators }.Select(o => Convert.ToString(o, CultureInfo.InvariantCulture)!).Append(cloud.Username).Append(cloud.Password))
        {
            info.ArgumentList.Add(a);
        }

        return new LoadProcess(Process.Start(info)!);
    }

    private static async Task<Dictionary<string, (string Mode, DateTimeOffset At, DateTimeOffset LastHeartbeat)>> SilenceAsync(LoadProcess load)
    {
        await load.SendAsync("silence");
        var silenced = new Dictionary<string, (string, DateTimeOffset, DateTimeOffset)>(StringComparer.Ordinal);
        while (await load.NextAsync(TimeSpan.FromSeconds(60)) is { } line && line != "silenced-done")
        {
            var p = line.Split(' ');
            if (p[0] == "silenced")
            {
                silenced[p[1]] = (p[2], DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(p[3], CultureInfo.InvariantCulture)), DateTimeOffset.FromUnixTimeMilliseconds(long.Parse(p[4], CultureInfo.InvariantCulture)));
            }
        }

        Print($"silenced        {silenced.Count} gateways at {DateTimeOffset.UtcNow:HH:mm:ss}: {string.Join(", ", silenced.Values.GroupBy(s => s.Item1).Select(g => $"{g.Count()} {g.Key}"))}");
        return silenced;
    }

    /// <summary>When each silenced gateway got its <c>gateway.offline</c> ticket, polled from the database once a second.</summary>
    private static async Task<Dictionary<string, DateTimeOffset>> WaitForOfflineAsync(IDbContextFactory<CloudDb> dbs, Dictionary<string, (string Mode, DateTimeOffset At, DateTimeOffset LastHeartbeat)> silenced, TimeSpan patience)
    {
        var clock = Stopwatch.StartNew();
        var detected = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        while (detected.Count < silenced.Count && clock.Elapsed < patience)
        {
            await Task.Delay(1000);
            await using var db = await dbs.CreateDbContextAsync();
            foreach (var t in await db.Tickets.AsNoTracking().Where(t => t.Fault == FaultCodes.GatewayOffline).Select(t => new { t.DeviceId, t.FirstOpenedAt }).ToListAsync())
            {
                if (silenced.ContainsKey(t.DeviceId))
                {
                    detected.TryAdd(t.DeviceId, t.FirstOpenedAt);
                }
            }
        }

        return detected;
    }

    private static async Task<int> FalseOfflineAsync(IDbContextFactory<CloudDb> dbs, Dictionary<string, (string Mode, DateTimeOffset At, DateTimeOffset LastHeartbeat)> silenced, DateTimeOffset since)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var offline = await db.Tickets.AsNoTracking().Where(t => t.Fault == FaultCodes.GatewayOffline && t.FirstOpenedAt >= since).Select(t => t.DeviceId).ToListAsync();
        return offline.Count(d => !silenced.ContainsKey(d));
    }

    /// <summary>Each connection is a file descriptor, in this process (the broker) and in the sites' process (which inherits the limit).</summary>
    private static ulong RaiseOpenFileLimit(ulong wanted)
    {
        if (!OperatingSystem.IsLinux() || GetRLimit(RlimitNofile, out var limit) != 0 || limit.Current >= wanted)
        {
            return GetRLimit(RlimitNofile, out var unchanged) == 0 ? unchanged.Current : 0;
        }

        var raised = new RLimit { Current = wanted, Maximum = Math.Max(wanted, limit.Maximum) };
        if (SetRLimit(RlimitNofile, ref raised) != 0)
        {
            // Not root: as far as the hard limit goes.
            raised = new RLimit { Current = limit.Maximum, Maximum = limit.Maximum };
            _ = SetRLimit(RlimitNofile, ref raised);
        }

        return GetRLimit(RlimitNofile, out var now) == 0 ? now.Current : 0;
    }

    [LibraryImport("libc", EntryPoint = "getrlimit", SetLastError = true)]
    private static partial int GetRLimit(int resource, out RLimit limit);

    [LibraryImport("libc", EntryPoint = "setrlimit", SetLastError = true)]
    private static partial int SetRLimit(int resource, ref RLimit limit);

    [StructLayout(LayoutKind.Sequential)]
    private struct RLimit
    {
        public ulong Current;
        public ulong Maximum;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>Every SQL command the cloud's EF Core contexts run in this process, from EF Core's diagnostic events.</summary>
    private sealed class WriteCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private readonly IDisposable _all;
        private readonly List<IDisposable> _subscriptions = [];
        private long _writes;
        private long _commands;
        private long _gatewayWrites;
        private long _gatewayWriteTicks;
        private long _gatewayWriteMaxTicks;

        public WriteCounter() => _all = DiagnosticListener.AllListeners.Subscribe(this);

        public long Writes => Interlocked.Read(ref _writes);

        public long Commands => Interlocked.Read(ref _commands);

        /// <summary>Statements that write gateways' <c>LastSeenAt</c> (first sightings, and the last-heard write every five minutes), with their time.</summary>
        public (long Count, TimeSpan Total, TimeSpan Max) GatewayWrites =>
            (Interlocked.Read(ref _gatewayWrites), TimeSpan.FromTicks(Interlocked.Read(ref _gatewayWriteTicks)), TimeSpan.FromTicks(Interlocked.Read(ref _gatewayWriteMaxTicks)));

        public void OnNext(DiagnosticListener value)
        {
            if (value.Name == DbLoggerCategory.Name)
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(value.Subscribe(this, name => name == RelationalEventId.CommandExecuted.Name));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Value is not CommandExecutedEventData executed)
            {
                return;
            }

            Interlocked.Increment(ref _commands);
            var sql = executed.Command.CommandText.AsSpan().TrimStart();
            if (sql.StartsWith("UPDATE \"Gateways\"", StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _gatewayWrites);
                Interlocked.Add(ref _gatewayWriteTicks, executed.Duration.Ticks);
                for (var max = Interlocked.Read(ref _gatewayWriteMaxTicks); executed.Duration.Ticks > max; max = Interlocked.Read(ref _gatewayWriteMaxTicks))
                {
                    Interlocked.CompareExchange(ref _gatewayWriteMaxTicks, executed.Duration.Ticks, max);
                }
            }

            if (sql.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase) || sql.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
                || sql.Contains("\nINSERT", StringComparison.OrdinalIgnoreCase) || sql.Contains("\nUPDATE", StringComparison.OrdinalIgnoreCase) || sql.Contains("\nDELETE", StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref _writes);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            _all.Dispose();
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
            }
        }
    }

    /// <summary>Heartbeats the cloud's ingest took, from its own <c>received</c> counter.</summary>
    private sealed class HeartbeatMeter : IDisposable
    {
        private readonly MeterListener _listener = new();
        private long _count;

        public HeartbeatMeter()
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                // By name: the callback can run while CloudMetrics' static fields are still being made.
                if (instrument.Meter.Name == CloudTelemetry.Name && instrument.Name == "aftersales.ingest.received")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, value, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "kind", Value: "heartbeat" })
                    {
                        Interlocked.Add(ref _count, value);
                    }
                }
            });
            _listener.Start();
        }

        public long Count => Interlocked.Read(ref _count);

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>The sites' process, spoken to line by line.</summary>
    private sealed class LoadProcess(Process process) : IDisposable
    {
        public Process Process => process;

        public async Task<string> WaitForAsync(string prefix, TimeSpan patience)
        {
            while (await NextAsync(patience) is { } line)
            {
                if (line.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return line;
                }

                Console.WriteLine("  sites: " + line);
            }

            throw new InvalidOperationException($"the sites' process ended or fell silent before '{prefix}': {await process.StandardError.ReadToEndAsync()}");
        }

        public async Task<string?> NextAsync(TimeSpan patience)
        {
            using var timeout = new CancellationTokenSource(patience);
            try
            {
                return await process.StandardOutput.ReadLineAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }

        public async Task SendAsync(string line)
        {
            await process.StandardInput.WriteLineAsync(line);
            await process.StandardInput.FlushAsync();
        }

        public async Task StopAsync()
        {
            await SendAsync("stop");
            await WaitForAsync("stopped", TimeSpan.FromSeconds(60));
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
            }

            process.Dispose();
        }
    }
}
