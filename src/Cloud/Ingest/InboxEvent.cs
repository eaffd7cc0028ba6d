namespace AfterSales.Cloud.Ingest;

/// <summary>
/// A fault event as it came off the wire, committed before the broker acknowledges it. The row lives
/// only until the service desk has applied it: the inbox holds the backlog, never the history.
/// </summary>
public sealed class InboxEvent
{
    /// <summary>Commit order; the worker reads the inbox in this order.</summary>
    public long Id { get; set; }

    public required string Topic { get; set; }

    /// <summary>From the topic, so the worker can keep one site's events in order without decoding.</summary>
    public required string SiteId { get; set; }

    /// <summary>From the payload when it decodes; empty when it does not (the worker then rejects it with the reason).</summary>
    public required string GatewayId { get; set; }

    /// <summary>The gateway's sequence number, 0 when the payload does not decode.</summary>
    public long Seq { get; set; }

    /// <summary>The gateway's seq before this one (0: first since it started; null: not sent), so the worker knows what to wait for.</summary>
    public long? PrevSeq { get; set; }

    public DateTimeOffset ReceivedAt { get; set; }

    public required byte[] Payload { get; set; }

    /// <summary>The gateway's W3C trace context, when it sent one, so the desk's spans continue its trace.</summary>
    public string? TraceParent { get; set; }
}
