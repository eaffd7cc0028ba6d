using System.Diagnostics;
using System.Globalization;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;

namespace AfterSales.Benchmarks;

/// <summary>
/// The sites of the heartbeat benchmark, run as a child process so the cloud's process measures only
/// the cloud. The first <c>connections</c> gateways each hold their own MQTT connection (logged in with
/// their own credential, last will set, keep-alive 15 s, a heartbeat every 30 s at a random phase, as
/// the gateway does). The other sites' heartbeats, the same payloads on the same topics, are published
/// over a few connections with the cloud's credential, which the embedded broker lets publish under any
/// site. Told "silence" on stdin, it silences 100 connected gateways three ways and says when.
/// </summary>
internal static class HeartbeatLoad
{
    public const string Secret = "bench-heartbeat-secret";
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(30);
    private const ushort KeepAliveSeconds = 15;
    private static long s_heartbeats;

    public static string Site(int i) => "site-" + i.ToString("000000", CultureInfo.InvariantCulture);

    public static string Gateway(int i) => "gw-" + i.ToString("000000", CultureInfo.InvariantCulture);

    /// <summary>args: port sites connections aggregators cloud-user cloud-password</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var (port, sites, connections, aggregators) = (int.Parse(args[0], inv), int.Parse(args[1], inv), int.Parse(args[2], inv), int.Parse(args[3], inv));
        var (cloudUser, cloudPassword) = (args[4], args[5]);
        using var stop = new CancellationTokenSource();
        var started = Stopwatch.StartNew();
        var loops = new List<Task>();

        // The aggregated sites first: they are watched from the cloud's start and must not fall silent while the gateways log in.
        var aggregated = Enumerable.Range(connections, Math.Max(0, sites - connections)).ToArray();
        var shares = aggregated.Chunk(Math.Max(1, (aggregated.Length + aggregators - 1) / Math.Max(1, aggregators))).ToArray();
        var aggregatorLinks = new List<RawMqttLink>();
        foreach (var (share, n) in shares.Select((s, n) => (s, n)))
        {
            var link = await RawMqttLink.ConnectAsync(port, $"bench-heartbeats-{n}", cloudUser, cloudPassword, 60, null, null);
            aggregatorLinks.Add(link);
            loops.Add(Task.Run(() => AggregatedAsync(link, share, stop.Token), CancellationToken.None));
        }

        var links = new GatewayLink?[connections];
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, _) =>
        {
            var will = PayloadCodec.Encode(new GatewayStatus { State = GatewayState.Offline, GatewayId = Gateway(i), Version = "bench", At = DateTimeOffset.UtcNow });
            try
            {
                var link = new GatewayLink(i, await RawMqttLink.ConnectAsync(port, Gateway(i), Gateway(i), Secret, KeepAliveSeconds, MqttTopics.Status(Site(i)), will));
                links[i] = link;
                lock (loops)
                {
                    loops.Add(Task.Run(() => link.RunAsync(stop.Token), CancellationToken.None));
                }
            }
            catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException)
            {
                if (Interlocked.Increment(ref failures) <= 5)
                {
                    Console.WriteLine($"connect-failed {Gateway(i)}: {ex.Message}");
                }
            }

            if ((i + 1) % 1000 == 0)
            {
                Console.WriteLine(string.Create(inv, $"progress {i + 1} connected after {started.Elapsed.TotalSeconds:F0} s"));
            }
        });
        Console.WriteLine(string.Create(inv, $"ready {links.Count(l => l is not null)} {failures} {started.Elapsed.TotalSeconds:F1}"));

        while (Console.ReadLine() is { } command)
        {
            switch (command)
            {
                case "silence":
                    Silence(links);
                    break;
                case "count":
                    Console.WriteLine(string.Create(inv, $"count {Interlocked.Read(ref s_heartbeats)}"));
                    break;
                case "stop":
                    await stop.CancelAsync();
                    foreach (var link in links.OfType<GatewayLink>().Where(l => l.Mode == Mode.Normal).Select(l => l.Link).Concat(aggregatorLinks))
                    {
                        try
                        {
                            await link.DisconnectAsync();
                        }
                        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ObjectDisposedException)
                        {
                            // Gone already.
                        }
                    }

                    Console.WriteLine("stopped");
                    return 0;
                default:
                    break;
            }
        }

        return 0;
    }

    /// <summary>
    /// 100 connected gateways spread over the range go quiet, a third each way: <c>cut</c> (power or line
    /// cut: not a byte more, the socket left open, so only the broker's keep-alive notices), <c>hung</c>
    /// (the gateway's program stuck: its MQTT link still answers keep-alive, its heartbeats stop) and
    /// <c>closed</c> (the connection dropped without a goodbye, as a crash or a reboot does).
    /// </summary>
    private static void Silence(GatewayLink?[] links)
    {
        var step = Math.Max(1, links.Length / 100);
        for (var j = 0; j < 100 && j * step < links.Length; j++)
        {
            if (links[j * step] is not { } link)
            {
                continue;
            }

            var mode = (Mode)(1 + (j % 3));
            link.Mode = mode;
            if (mode == Mode.Closed)
            {
                link.Link.Dispose();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"silenced {Gateway(link.Index)} {mode.ToString().ToLowerInvariant()} {DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()} {link.LastHeartbeat.ToUnixTimeMilliseconds()}"));
        }

        Console.WriteLine("silenced-done");
    }

    private static byte[] HeartbeatOf(int i, long uptime) =>
        PayloadCodec.Encode(new Heartbeat { GatewayId = Gateway(i), At = DateTimeOffset.UtcNow, UptimeS = uptime, OutboxDepth = 0, ActiveFaults = 0 });

    /// <summary>Each site of the share once per period, spread evenly over it.</summary>
    private static async Task AggregatedAsync(RawMqttLink link, int[] share, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        long sent = 0;
        while (!stop.IsCancellationRequested)
        {
            var due = (long)(clock.Elapsed / Period * share.Length);
            for (; sent < due && !stop.IsCancellationRequested; sent++)
            {
                var site = share[sent % share.Length];
                await link.PublishAsync(MqttTopics.Heartbeat(Site(site)), HeartbeatOf(site, (long)clock.Elapsed.TotalSeconds));
                Interlocked.Increment(ref s_heartbeats);
            }

            await Task.Delay(50, CancellationToken.None);
        }
    }

    private enum Mode
    {
        Normal,
        Cut,
        Hung,
        Closed,
    }

    /// <summary>One gateway's connection: a packet every 15 s, the heartbeat every other one and a PINGREQ between.</summary>
    private sealed class GatewayLink(int index, RawMqttLink link)
    {
        public int Index => index;

        public RawMqttLink Link => link;

        public volatile Mode Mode;

        public DateTimeOffset LastHeartbeat { get; private set; }

        public async Task RunAsync(CancellationToken stop)
        {
            var tick = TimeSpan.FromSeconds(KeepAliveSeconds);
            var clock = Stopwatch.StartNew();
            var phase = TimeSpan.FromSeconds(Random.Shared.NextDouble() * tick.TotalSeconds);
            for (var k = 0L; !stop.IsCancellationRequested; k++)
            {
                var wait = phase + (tick * k) - clock.Elapsed;
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, CancellationToken.None);
                }

                try
                {
                    switch (Mode)
                    {
                        case Mode.Normal when k % 2 == 0:
                            await link.PublishAsync(MqttTopics.Heartbeat(Site(index)), HeartbeatOf(index, (long)clock.Elapsed.TotalSeconds));
                            LastHeartbeat = DateTimeOffset.UtcNow;
                            Interlocked.Increment(ref s_heartbeats);
                            break;
                        case Mode.Normal or Mode.Hung:
                            await link.PingAsync();
                            break;
                        default:
                            return;
                    }
                }
                catch (Exception ex) when (ex is System.Net.Sockets.SocketException or ObjectDisposedException)
                {
                    Console.WriteLine($"link-lost {Gateway(index)}: {ex.Message}");
                    return;
                }
            }
        }
    }
}
