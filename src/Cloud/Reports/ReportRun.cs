namespace AfterSales.Cloud.Reports;

/// <summary>
/// One generation of a month's reports for every site: the durable record of the scheduled job.
/// It shows progress while it runs; a run left unfinished (a crash, a restart) is picked up again
/// once its heartbeat goes stale, and skips the sites already archived.
/// </summary>
public sealed class ReportRun
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    public DateOnly Period { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset HeartbeatAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Total { get; set; }

    public int Done { get; set; }

    public int Failed { get; set; }

    public string? LastError { get; set; }
}
