namespace AfterSales.Cloud.Telemetry;

/// <summary>
/// The hook for the inbox-depth gauge. The inbox table does not exist yet; when it does,
/// register an implementation (events received and not yet applied by the desk) in the
/// container and <c>aftersales.inbox.depth</c> starts reporting it. Until then the gauge is silent.
/// </summary>
internal interface IInboxDepth
{
    Task<long> CountAsync(CancellationToken cancellationToken);
}
