namespace AfterSales.Cloud.Telemetry;

/// <summary>
/// What the inbox-depth gauge (<c>aftersales.inbox.depth</c>) reads: events received and not yet
/// applied by the desk. Implemented by the ingest inbox; the telemetry module cannot name it.
/// </summary>
internal interface IInboxDepth
{
    Task<long> CountAsync(CancellationToken cancellationToken);
}
