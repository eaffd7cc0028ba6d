using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Telemetry;
using AfterSales.Protocol.Json;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Where the broker side hands over an event: it returns once the event is committed to the inbox,
/// which is the moment the broker may acknowledge it. Validation waits for the worker, so taking an
/// event costs one small row in a shared transaction and nothing else. An event is also a sign of life of
/// its gateway, told to presence on arrival rather than when the desk gets to it.
/// </summary>
internal sealed class InboxIntakeService(InboxWriterWorker writer, PresenceService presence, TimeProvider time)
{
    /// <param name="payload">Owned by the inbox from here on: the broker's copy of the publish is kept as the row's payload, not copied again.</param>
    /// <param name="stream">
    /// The delivery the event came on, when one delivery carries several unacknowledged events (the
    /// external broker's connection): after one of them fails to commit, the rest of that stream is
    /// refused too, so the broker redelivers them all in order instead of the later ones overtaking.
    /// </param>
    public Task StoreAsync(string topic, string siteId, byte[] payload, string? traceParent, string? stream, CancellationToken cancellationToken)
    {
        CloudMetrics.CountReceived("events");

        // Decoded only for the gateway and seq the worker orders by; a payload that does not decode is
        // stored as it is and rejected, with its reason, by the worker.
        var decoded = PayloadCodec.DecodeFaultEvent(payload).Value;
        if (decoded is not null && decoded.SiteId == siteId)
        {
            presence.SeenEvent(decoded.GatewayId, siteId, decoded.OccurredAt);
        }

        return writer.AppendAsync(
            new InboxEvent
            {
                Topic = RejectedMessageLimits.Clip(topic, RejectedMessageLimits.TopicChars),
                SiteId = RejectedMessageLimits.Clip(siteId, 64),
                GatewayId = RejectedMessageLimits.Clip(decoded?.GatewayId ?? string.Empty, 64),
                Seq = decoded?.Seq ?? 0,
                PrevSeq = decoded?.PrevSeq,
                ReceivedAt = time.GetUtcNow(),
                Payload = payload,
                TraceParent = traceParent is { Length: <= 64 } ? traceParent : null,
            },
            stream,
            cancellationToken);
    }
}
