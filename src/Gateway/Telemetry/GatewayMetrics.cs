using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AfterSales.Gateway.Telemetry;

/// <summary>
/// The gateway's metrics (issue 17), as OpenTelemetry instruments on the meter <see cref="MeterName"/> — exported over
/// OTLP when <c>telemetry.otlpEndpoint</c> is set — and as running totals that the <c>status</c> command shows. One
/// meter per process, like the runtime's own: the features record into it without being handed anything.
/// </summary>
internal static class GatewayMetrics
{
    public const string MeterName = "AfterSales.Gateway";

    /// <summary>How many queued events remember their queue time for the latency; older ones (a long backlog) are not timed.</summary>
    private const int TimedInFlight = 4096;

    private static readonly Meter Meter = new(MeterName, GatewayVersionText());
    private static readonly Counter<long> Queued = Meter.CreateCounter<long>("aftersales.gateway.events.queued", "{event}", "Fault events taken into the outbox");
    private static readonly Counter<long> Refused = Meter.CreateCounter<long>("aftersales.gateway.events.refused", "{event}", "Fault events the full outbox could not take");
    private static readonly Counter<long> Published = Meter.CreateCounter<long>("aftersales.gateway.events.published", "{event}", "Outbox entries the broker acknowledged (PUBACK)");
    private static readonly Counter<long> Failed = Meter.CreateCounter<long>("aftersales.gateway.publish.failures", "{failure}", "Publishes not acknowledged: the link dropped, the broker refused or had no subscriber; resent later");
    private static readonly Counter<long> Reconnects = Meter.CreateCounter<long>("aftersales.gateway.reconnects", "{reconnect}", "Times the broker link was lost or refused and the gateway backed off to connect again");
    private static readonly Histogram<double> Latency = Meter.CreateHistogram<double>("aftersales.gateway.event.latency", "ms", "From an event taken into the outbox to the broker's PUBACK for it");
    private static readonly Counter<long> Checks = Meter.CreateCounter<long>("aftersales.gateway.checks", "{check}", "Device checks: camera rounds passed/failed, panel frames answered/corrupt");

    private static readonly PublishTimer Timer = new(TimedInFlight);
    private static readonly LatencyWindow Recent = new(256);
    private static readonly ConcurrentDictionary<(string Kind, string Outcome), long> CheckTotals = new();
    private static long _queued;
    private static long _refused;
    private static long _published;
    private static long _failed;
    private static long _reconnects;
    private static Func<int>? _outboxDepth;

    static GatewayMetrics()
    {
        Meter.CreateObservableGauge("aftersales.gateway.outbox.depth", () => _outboxDepth?.Invoke() ?? 0, "{event}", "Events waiting in the outbox for the broker");
    }

    /// <summary>The outbox whose depth the gauge reads (the running gateway has one).</summary>
    public static void ObserveOutbox(Func<int> depth) => _outboxDepth = depth;

    /// <summary>
    /// Starts an event's latency clock. Called before the event enters the outbox, not after: the uplink may publish it
    /// and have its PUBACK before the outbox append returns, and an acknowledgement that finds no clock is never timed.
    /// A refused event's clock is settled by the next acknowledgement (see <see cref="PublishTimer"/>).
    /// </summary>
    public static void EventQueuing(long? seq)
    {
        if (seq is { } s)
        {
            Timer.Queued(s, Stopwatch.GetTimestamp());
        }
    }

    public static void EventQueued()
    {
        Interlocked.Increment(ref _queued);
        Queued.Add(1);
    }

    public static void EventRefused()
    {
        Interlocked.Increment(ref _refused);
        Refused.Add(1);
    }

    public static void EventPublished(long? seq)
    {
        Interlocked.Increment(ref _published);
        Published.Add(1);
        if (seq is { } s && Timer.Acknowledged(s) is { } at)
        {
            var ms = Stopwatch.GetElapsedTime(at).TotalMilliseconds;
            Latency.Record(ms);
            Recent.Add(ms);
        }
    }

    public static void PublishFailed()
    {
        Interlocked.Increment(ref _failed);
        Failed.Add(1);
    }

    public static void Reconnecting()
    {
        Interlocked.Increment(ref _reconnects);
        Reconnects.Add(1);
    }

    /// <param name="kind"><c>camera</c> or <c>panel</c>.</param>
    /// <param name="outcome"><c>passed</c>/<c>failed</c> for a camera round, <c>answered</c>/<c>corrupt</c> for a panel frame.</param>
    public static void Check(string kind, string outcome)
    {
        CheckTotals.AddOrUpdate((kind, outcome), 1, (_, n) => n + 1);
        Checks.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));
    }

    /// <summary>The totals since start and the latency of the last 256 timed events, for <c>status</c>.</summary>
    public static MetricsSnapshot Snapshot()
    {
        var (p50, p99, max, count) = Recent.Summary();
        return new MetricsSnapshot
        {
            EventsQueued = Interlocked.Read(ref _queued),
            EventsRefused = Interlocked.Read(ref _refused),
            EventsPublished = Interlocked.Read(ref _published),
            PublishFailures = Interlocked.Read(ref _failed),
            Reconnects = Interlocked.Read(ref _reconnects),
            LatencySamples = count,
            LatencyP50Ms = count > 0 ? Math.Round(p50, 2) : null,
            LatencyP99Ms = count > 0 ? Math.Round(p99, 2) : null,
            LatencyMaxMs = count > 0 ? Math.Round(max, 2) : null,
            Checks = CheckTotals.OrderBy(c => c.Key.Kind, StringComparer.Ordinal).ThenBy(c => c.Key.Outcome, StringComparer.Ordinal)
                .Select(c => new CheckTotal(c.Key.Kind, c.Key.Outcome, c.Value)).ToList(),
        };
    }

    private static string GatewayVersionText() =>
        typeof(GatewayMetrics).Assembly.GetName().Version?.ToString() ?? "0";
}
