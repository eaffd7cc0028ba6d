using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text;
using AfterSales.Gateway.Faults;
using AfterSales.Gateway.Identity;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.RemoteConfig;
using AfterSales.Gateway.Status;
using AfterSales.Gateway.Supervision;
using AfterSales.Gateway.Telemetry;
using AfterSales.Gateway.Tests.Support;
using AfterSales.Gateway.Uplink;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using OpenTelemetry.Metrics;

namespace AfterSales.Gateway.Tests.Telemetry;

/// <summary>
/// The gateway's metrics (issue 17): recorded on the real reporting path, shown by <c>status</c>, exported over OTLP to a
/// real HTTP collector. The meter is one per process, so the assertions are on increases, not absolute totals.
/// </summary>
public sealed class GatewayMetricsTests
{
    [Fact]
    public async Task FaultThroughTheRealUplink_CountedQueuedPublishedAndTimedOnTheMeter()
    {
        var measured = new ConcurrentDictionary<string, double>();
        using var listener = Listen(measured);
        var before = GatewayMetrics.Snapshot();
        // The meter is process-wide and other tests' events start at seq 1: these seqs are above all of theirs.
        await using var rig = await UplinkRig.StartAsync(firstSeq: 1L << 40);

        rig.Reporter.Report(new FaultObservation("panel", DeviceKind.Panel, FaultCodes.PanelAcLoss, true, FaultSeverity.Major, rig.Time.GetUtcNow()));
        await rig.NextEventAsync("panel");

        // The PUBACK is counted a moment before its latency is recorded (and other tests' PUBACKs count on the same
        // process-wide meter), so wait for both; an event never timed still fails here.
        await Eventually.TrueAsync(
            () => GatewayMetrics.Snapshot().EventsPublished > before.EventsPublished && measured.ContainsKey("aftersales.gateway.event.latency"),
            "the PUBACK to be counted and timed");
        var after = GatewayMetrics.Snapshot();
        Assert.True(after.EventsQueued > before.EventsQueued);
        Assert.True(measured.ContainsKey("aftersales.gateway.events.queued"));
        Assert.True(measured.ContainsKey("aftersales.gateway.events.published"));
        Assert.True(measured.TryGetValue("aftersales.gateway.event.latency", out var latency) && latency >= 0, "no latency recorded");
        Assert.NotNull(after.LatencyP99Ms);
    }

    [Fact]
    public void PubackBeforeTheOutboxAppendReturns_StillTimed()
    {
        // On loopback the uplink can publish an event and take its PUBACK before the outbox append returns to the
        // reporter; that event must still be timed. Measurements are taken on the recording thread, so this test's
        // listener sees only what happens inside its own Report call.
        var thread = Environment.CurrentManagedThreadId;
        var timed = new ConcurrentBag<double>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Name == "aftersales.gateway.event.latency")
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<double>((_, value, _, _) =>
        {
            if (Environment.CurrentManagedThreadId == thread)
            {
                timed.Add(value);
            }
        });
        listener.Start();
        var config = TestConfig.Gateway();
        var tracker = new FaultTracker(config.Identity, new CountingSequence(first: (1L << 40) + 1), TimeProvider.System);
        var reporter = new FaultReporter(tracker, new AcknowledgedWhileAppending(), NullLogger<FaultReporter>.Instance);

        Assert.True(reporter.Report(new FaultObservation("panel", DeviceKind.Panel, FaultCodes.PanelAcLoss, true, FaultSeverity.Major, TimeProvider.System.GetUtcNow())));

        Assert.Single(timed);
    }

    [Fact]
    public void Status_ShowsTheMetricsLines()
    {
        GatewayMetrics.Check("camera", "failed");
        GatewayMetrics.Reconnecting();
        using var state = new TempDirectory();
        var config = TestConfig.Gateway() with { StateDirectory = state.Path };
        var time = TimeProvider.System;
        using var outbox = new SqliteOutbox(state.Path, new OutboxBudget(1024 * 1024));
        var tracker = new FaultTracker(config.Identity, new CountingSequence(), time);
        var site = new SiteConfigStore(state.Path, config.SiteId, null, time, NullLogger<SiteConfigStore>.Instance);
        using var writer = new StatusFileWriter(config.StateDirectory, config.UplinkSettings, outbox, tracker, site, new ConnectionState(), new LoopHealth(time), time, NullLogger<StatusFileWriter>.Instance);
        writer.Write();
        var output = new StringWriter();

        StatusCommand.Run(config, time.GetUtcNow(), output);

        var text = output.ToString();
        Assert.Matches(@"events      \d+ queued, \d+ published, \d+ publish failures, \d+ refused \(outbox full\), [1-9]\d* reconnects since start", text);
        Assert.Contains("latency     event → PUBACK ", text, StringComparison.Ordinal);
        Assert.Matches(@"checks      .*camera failed [1-9]", text);
    }

    [Fact]
    public async Task OtlpExport_Configured_PostsTheGatewayMeterWithSiteAndGatewayToTheCollector()
    {
        using var collector = new HttpListener();
        var port = TestBroker.FreePort();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var services = new ServiceCollection();
        OtlpMetricsExport.Add(services, new TelemetryConfig { OtlpEndpoint = $"http://127.0.0.1:{port}", ExportIntervalSeconds = 3600 }, new GatewayIdentity("site-otlp", "gw-otlp"));
        await using var provider = services.BuildServiceProvider();
        var meters = provider.GetRequiredService<MeterProvider>();
        GatewayMetrics.Reconnecting();

        var received = collector.GetContextAsync();
        var flushed = Task.Run(() => meters.ForceFlush(10_000));
        var request = await received.WaitAsync(Eventually.Patience);
        using var body = new MemoryStream();
        await request.Request.InputStream.CopyToAsync(body);
        request.Response.StatusCode = 200;
        request.Response.Close();
        await flushed;

        var text = Encoding.Latin1.GetString(body.ToArray());
        Assert.Equal("/v1/metrics", request.Request.Url!.AbsolutePath);
        Assert.Equal("application/x-protobuf", request.Request.ContentType);
        Assert.Contains("aftersales.gateway.reconnects", text, StringComparison.Ordinal);
        Assert.Contains("site-otlp", text, StringComparison.Ordinal);
        Assert.Contains("gw-otlp", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://collector", 60, "telemetry.otlpEndpoint 'ftp://collector' must be an http:// or https:// address")]
    [InlineData(null, 60, "telemetry.otlpEndpoint '' must be")]
    [InlineData("http://collector:4318", 1, "telemetry.exportIntervalSeconds must be between 5 and 3600")]
    public void TelemetryConfig_Mistakes_NamedByField(string? endpoint, int interval, string expected)
    {
        Assert.StartsWith(expected, TelemetryConfig.Validate(new TelemetryConfig { OtlpEndpoint = endpoint, ExportIntervalSeconds = interval }), StringComparison.Ordinal);
    }

    [Fact]
    public void PublishTimer_AcknowledgedInSeqOrder_TimesEachAndForgetsEarlierOnesNeverAcknowledged()
    {
        var timer = new PublishTimer(capacity: 3);
        timer.Queued(1, 100);
        timer.Queued(2, 200);
        timer.Queued(3, 300);
        timer.Queued(4, 400); // over capacity: not timed

        Assert.Equal(200, timer.Acknowledged(2)); // 1 was lost to a restart: settled with 2
        Assert.Null(timer.Acknowledged(1));
        Assert.Equal(300, timer.Acknowledged(3));
        Assert.Null(timer.Acknowledged(4));
    }

    [Fact]
    public void LatencyWindow_KeepsTheLastSamplesAndReportsNearestRankPercentiles()
    {
        var window = new LatencyWindow(100);
        for (var i = 1; i <= 150; i++)
        {
            window.Add(i);
        }

        Assert.Equal((100.0, 149.0, 150.0, 100), window.Summary());
    }

    private static MeterListener Listen(ConcurrentDictionary<string, double> measured)
    {
        var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GatewayMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => measured[instrument.Name] = value);
        listener.Start();
        return listener;
    }

    /// <summary>An outbox whose uplink has the event acknowledged by the broker before the append returns.</summary>
    private sealed class AcknowledgedWhileAppending : IEventQueue
    {
        public int Count => 0;

        public void Enqueue(FaultEvent value) => GatewayMetrics.EventPublished(value.Seq);

        public IReadOnlyCollection<(string DeviceId, string Fault)> ActiveFaults() => [];
    }
}
