using System.Diagnostics.Metrics;

namespace AfterSales.Cloud.Telemetry;

/// <summary>
/// The cloud's own instruments. Names follow the OpenTelemetry conventions (dotted, unit in
/// <c>unit</c>); the Prometheus exporter turns <c>aftersales.ingest.received</c> into
/// <c>aftersales_ingest_received_total</c>. docs/operations.md says what to graph and alert on.
/// Tags are low-cardinality on purpose: no site or ticket ids (those belong in traces and logs).
/// </summary>
internal static class CloudMetrics
{
    public static readonly Counter<long> Received = CloudTelemetry.Meter.CreateCounter<long>(
        "aftersales.ingest.received", "{message}", "Messages taken from the broker, by topic kind (events, status, heartbeat).");

    public static readonly Counter<long> Stored = CloudTelemetry.Meter.CreateCounter<long>(
        "aftersales.ingest.stored", "{event}", "Fault events committed to the ticket book, by outcome (new, duplicate).");

    public static readonly Counter<long> Rejected = CloudTelemetry.Meter.CreateCounter<long>(
        "aftersales.ingest.rejected", "{message}", "Messages refused and kept in RejectedMessages, by reason.");

    public static readonly Histogram<double> DeliveryDelay = CloudTelemetry.Meter.CreateHistogram<double>(
        "aftersales.ingest.delivery_delay", "s", "From a fault's occurredAt on site to its receipt by the cloud: the gateway outbox and broker backlog.");

    public static readonly Histogram<double> DeskLag = CloudTelemetry.Meter.CreateHistogram<double>(
        "aftersales.desk.lag", "s", "From receipt of a fault event to the commit of its ticket change.");

    public static readonly Histogram<double> TimerLag = CloudTelemetry.Meter.CreateHistogram<double>(
        "aftersales.desk.timer_lag", "s", "How late each SLA timer (warning, breach, accept timeout, self-restore) fired after it fell due.");

    public static readonly Counter<long> Notifications = CloudTelemetry.Meter.CreateCounter<long>(
        "aftersales.notifications", "{notification}", "Notifications by channel (log, mail) and outcome (sent, queued, retried, failed, skipped).");

    public static readonly Counter<long> ReportRuns = CloudTelemetry.Meter.CreateCounter<long>(
        "aftersales.reports.generated", "{report}", "Monthly reports generated, by outcome (done, failed).");

    public static void CountReceived(string kind) => Received.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public static void CountStored(bool duplicate) => Stored.Add(1, new KeyValuePair<string, object?>("outcome", duplicate ? "duplicate" : "new"));

    public static void CountRejected(string reason) => Rejected.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public static void CountNotification(string channel, string outcome) =>
        Notifications.Add(1, new KeyValuePair<string, object?>("channel", channel), new KeyValuePair<string, object?>("outcome", outcome));

    public static void CountReport(bool failed) => ReportRuns.Add(1, new KeyValuePair<string, object?>("outcome", failed ? "failed" : "done"));
}
