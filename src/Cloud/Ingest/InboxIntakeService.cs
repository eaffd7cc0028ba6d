using AfterSales.Protocol.Json;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Where the broker side hands over an event: it returns once the event is committed to the inbox,
/// which is the moment the broker may acknowledge it. Validation waits for the worker, so taking an
/// event costs one small row in a shared transaction and nothing else.
/// </summary>
internal sealed class InboxIntakeService(InboxWriterWorker writer, TimeProvider time)
{
    public Task StoreAsync(string topic, string siteId, ReadOnlyMemory<byte> payload, string? traceParent, CancellationToken cancellationToken)
    {
        // Decoded only for the gateway and seq the worker orders by; a payload that does not decode is
        // stored as it is and rejected, with its reason, by the worker.
        var decoded = PayloadCodec.DecodeFaultEvent(payload.Span).Value;
        return writer.AppendAsync(
            new InboxEvent
            {
                Topic = RejectedMessageLimits.Clip(topic, RejectedMessageLimits.TopicChars),
                SiteId = RejectedMessageLimits.Clip(siteId, 64),
                GatewayId = RejectedMessageLimits.Clip(decoded?.GatewayId ?? string.Empty, 64),
                Seq = decoded?.Seq ?? 0,
                ReceivedAt = time.GetUtcNow(),
                Payload = payload.ToArray(),
                TraceParent = traceParent is { Length: <= 64 } ? traceParent : null,
            },
            cancellationToken);
    }
}
