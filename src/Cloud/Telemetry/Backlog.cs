namespace AfterSales.Cloud.Telemetry;

/// <summary>
/// Work waiting in the database, sampled now and then rather than at every scrape so a busy
/// Prometheus does not become database load. <see cref="InboxDepth"/> is null until an inbox exists.
/// </summary>
internal sealed record Backlog(long? InboxDepth, long MailQueued, long MailFailed, double TimersOverdueSeconds);
