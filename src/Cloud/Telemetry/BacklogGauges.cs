using System.Diagnostics.Metrics;

namespace AfterSales.Cloud.Telemetry;

/// <summary>Observable gauges over the last <see cref="Backlog"/> sample.</summary>
internal static class BacklogGauges
{
    private static Backlog? _last;

    static BacklogGauges()
    {
        var meter = CloudTelemetry.Meter;
        meter.CreateObservableGauge("aftersales.inbox.depth", () => Read(b => b.InboxDepth), "{event}", "Fault events received and not yet applied by the desk.");
        meter.CreateObservableGauge("aftersales.outbox.depth", () => Read(b => b.MailQueued), "{mail}", "Mail waiting in the queue for (re)delivery.");
        meter.CreateObservableGauge("aftersales.outbox.failed", () => Read(b => b.MailFailed), "{mail}", "Mail given up on after every retry; see the MailQueue table for the reason.");
        meter.CreateObservableGauge("aftersales.desk.timers_overdue", () => ReadDouble(b => b.TimersOverdueSeconds), "s", "How long the oldest due, unfired SLA timer has been waiting (0 when none).");
    }

    public static Backlog? Last => Volatile.Read(ref _last);

    public static void Update(Backlog backlog) => Volatile.Write(ref _last, backlog);

    private static IEnumerable<Measurement<long>> Read(Func<Backlog, long?> pick) =>
        Last is { } b && pick(b) is { } value ? [new Measurement<long>(value)] : [];

    private static IEnumerable<Measurement<double>> ReadDouble(Func<Backlog, double> pick) =>
        Last is { } b ? [new Measurement<double>(pick(b))] : [];
}
