namespace AfterSales.Cloud.Reports;

/// <summary>
/// One generation of a month's reports for every site of one service company (tenant): the durable record of the scheduled job.
/// It shows progress while it runs; a run left unfinished (a crash, a restart) is picked up again
/// once its heartbeat goes stale, and skips the sites already archived.
/// </summary>
public sealed class ReportRun
{
    public long Id { get; set; }

    public required string Kind { get; set; }

    /// <summary>The service company whose sites the run covers; each company's run and its errors are its own.</summary>
    public string TenantId { get; set; } = Auth.Tenants.Default;

    public DateOnly Period { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    public DateTimeOffset HeartbeatAt { get; set; }

    public DateTimeOffset? FinishedAt { get; set; }

    public int Total { get; set; }

    public int Done { get; set; }

    public int Failed { get; set; }

    public string? LastError { get; set; }
}
