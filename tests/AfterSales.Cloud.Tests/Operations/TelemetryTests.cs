using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Tests.Web;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Topics;
using OpenTelemetry;
using OpenTelemetry.Trace;

namespace AfterSales.Cloud.Tests.Operations;

/// <summary>
/// One fault published by a gateway through the real broker: its trace (gateway's trace context,
/// ingest, desk, dispatch notification, accept-timeout timer) and the metrics Prometheus scrapes.
/// </summary>
public sealed class TelemetryTests : IAsyncLifetime
{
    private readonly SpanSink _spans = new();
    private TracerProvider _tracing = null!;
    private DeskHost _host = null!;

    public async Task InitializeAsync()
    {
        // The in-memory exporter listens to the cloud's activity source like the host's own pipeline does.
        _tracing = Sdk.CreateTracerProviderBuilder().AddSource(CloudTelemetry.Name).AddInMemoryExporter(_spans).Build()!;
        // A technician who does not accept within ~1 s: the accept-timeout timer fires during the test.
        _host = await DeskHost.StartAsync(new DeskHostSettings { Extra = ["Dispatch:AcceptWithinMinutes=0.02"] });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _tracing.Dispose();
    }

    [Fact]
    public async Task Fault_FromGatewayToNotification_IsOneTraceAndShowsInPrometheusMetrics()
    {
        var traceId = ActivityTraceId.CreateRandom();
        // A device no other test uses: spans of every host in this process reach the exporter.
        var device = $"zone-{Random.Shared.Next(100_000, 999_999)}";
        var fault = GatewayPublisher.Fault("site-a", "gw-a", device, DeviceKind.Zone, FaultCodes.ZoneTamper);

        await GatewayPublisher.PublishFaultAsync(_host.MqttPort, fault, "secret-gw-a", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");
        await GatewayPublisher.PublishAsync(_host.MqttPort, "gw-a", "secret-gw-a", MqttTopics.Events("site-a"), Encoding.UTF8.GetBytes("{not json"));
        // A span is exported when it ends: the ingest span ends once the event is checked, the desk span once it is applied.
        var trace = await UntilAsync(() => Spans(traceId) is var s && s.Any(a => a.DisplayName == "ingest") && s.Any(a => a.DisplayName == "desk apply") ? s : null);
        var ticketId = trace.Single(a => a.DisplayName == "desk apply").GetTagItem("aftersales.ticket.id");
        // Timers fire later, from the worker: their own trace, tagged with the ticket.
        var timer = await UntilAsync(() => Snapshot().FirstOrDefault(a => a.DisplayName == "desk timer"
            && Equals(a.GetTagItem("aftersales.ticket.id"), ticketId) && Equals(a.GetTagItem("aftersales.device.id"), device)
            && Equals(a.GetTagItem("aftersales.timer.kind"), "AcceptTimeout")));
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        await http.GetAsync(new Uri("/healthz", UriKind.Relative));
        var metrics = await UntilAsync(async () => await http.GetStringAsync(new Uri("/metrics", UriKind.Relative)) is var m && m.Contains("aftersales_desk_timer_lag_seconds", StringComparison.Ordinal) ? m : null);

        var ingest = trace.Single(a => a.DisplayName == "ingest");
        var apply = trace.Single(a => a.DisplayName == "desk apply");
        var notify = trace.First(a => a.DisplayName == "notify" && (string?)a.GetTagItem("aftersales.notification.recipient") == "technician:li");
        Assert.Equal(ActivityKind.Consumer, ingest.Kind);
        Assert.Equal(ingest.SpanId, apply.ParentSpanId);
        Assert.Equal(apply.SpanId, notify.ParentSpanId);
        Assert.Equal("Open", apply.GetTagItem("aftersales.ticket.action"));
        Assert.Equal(fault.EventId, apply.GetTagItem("aftersales.event.id"));
        Assert.Equal("site-a", timer.GetTagItem("aftersales.site.id"));

        string[] expected =
        [
            "aftersales_ingest_received_total{", "kind=\"events\"",
            "aftersales_ingest_stored_total{", "outcome=\"new\"",
            "aftersales_ingest_rejected_total{", "reason=\"malformed\"",
            "aftersales_ingest_delivery_delay_seconds_bucket{",
            "aftersales_desk_lag_seconds_bucket{",
            "aftersales_desk_timer_lag_seconds_bucket{",
            "aftersales_desk_timers_overdue_seconds",
            "aftersales_inbox_depth",
            "aftersales_outbox_depth",
            "aftersales_notifications_total{", "channel=\"outbox\"",
            "http_server_request_duration_seconds_bucket{",
            "dotnet_gc_collections_total",
            "target_info{",
        ];
        Assert.All(expected, name => Assert.Contains(name, metrics, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Health_ReadyAndLive_AnswerWithEveryCheckAndTheVersion()
    {
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };

        var ready = await UntilAsync(async () => await http.GetAsync(new Uri("/healthz/ready", UriKind.Relative)) is { IsSuccessStatusCode: true } r ? r : null);
        using var json = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        using var live = await http.GetAsync(new Uri("/healthz/live", UriKind.Relative));

        Assert.Equal(MediaTypeHeaderValue.Parse("application/json"), ready.Content.Headers.ContentType);
        Assert.Equal("healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(CloudTelemetry.Version, json.RootElement.GetProperty("version").GetString());
        Assert.Equal(["broker", "database", "mail", "presence", "timers"], json.RootElement.GetProperty("checks").EnumerateObject().Select(c => c.Name).Order());
        Assert.Contains("no relay configured", json.RootElement.GetProperty("checks").GetProperty("mail").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.True(live.IsSuccessStatusCode);
    }

    private List<Activity> Spans(ActivityTraceId traceId) => [.. Snapshot().Where(a => a.TraceId == traceId)];

    private List<Activity> Snapshot() => _spans.Snapshot();

    private static Task<T> UntilAsync<T>(Func<T?> probe) where T : class => UntilAsync(() => Task.FromResult(probe()));

    /// <summary>Bounded wait for background work (broker delivery, the timer worker's 2 s poll).</summary>
    private static async Task<T> UntilAsync<T>(Func<Task<T?>> probe) where T : class
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(30), "timed out waiting for the fault to pass through");
            await Task.Delay(100);
        }
    }

    /// <summary>
    /// The exporter adds spans from the hosts' threads while the test reads them: a plain list copied during an add
    /// threw "Destination array was not long enough" (seen in CI). Adds and copies take the same lock.
    /// </summary>
    private sealed class SpanSink : System.Collections.ObjectModel.Collection<Activity>
    {
        public List<Activity> Snapshot()
        {
            lock (Items)
            {
                return [.. Items];
            }
        }

        protected override void InsertItem(int index, Activity item)
        {
            lock (Items)
            {
                base.InsertItem(index, item);
            }
        }
    }
}
