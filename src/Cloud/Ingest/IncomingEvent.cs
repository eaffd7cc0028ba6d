namespace AfterSales.Cloud.Ingest;

/// <summary>A fault event as it came off the broker or out of the inbox: not yet decoded or checked.</summary>
internal sealed record IncomingEvent(string Topic, string SiteId, ReadOnlyMemory<byte> Payload, string? TraceParent);
