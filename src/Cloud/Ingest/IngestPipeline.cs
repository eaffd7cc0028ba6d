using AfterSales.Cloud.Presence;
using AfterSales.Cloud.Sites;
using AfterSales.Cloud.Telemetry;
using AfterSales.Cloud.Tickets;
using AfterSales.Cloud.Tickets.Workflow;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;

namespace AfterSales.Cloud.Ingest;

/// <summary>
/// Everything a site publishes passes here: the payload is decoded, the sender's right to speak
/// for the site checked, and the message handed to the ticket book or the presence tracker.
/// Bad input is rejected with a reason and kept; it never throws out of here.
/// </summary>
internal sealed class IngestPipeline(
    TicketDeskService desk,
    GatewayStore gateways,
    PresenceService presence,
    RejectionStore rejections,
    IngestCounters counters)
{
    public async Task HandleAsync(string topic, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        if (!MqttTopics.TryParse(topic, out var siteId, out var kind))
        {
            await rejections.RejectAsync(topic, payload, "topic", "the topic is outside aftersales/v1/sites/{siteId}/…", cancellationToken);
            return;
        }

        CloudMetrics.CountReceived(kind.ToString().ToLowerInvariant());
        switch (kind)
        {
            case TopicKind.Events:
                await ApplyEventAsync(topic, siteId, payload, cancellationToken);
                break;
            case TopicKind.Heartbeat:
                var heartbeat = PayloadCodec.DecodeHeartbeat(payload.Span);
                if (await AcceptedAsync(topic, siteId, payload, heartbeat.Value?.GatewayId, heartbeat.Error, cancellationToken))
                {
                    await presence.SeenAsync(heartbeat.Value!.GatewayId, siteId, cancellationToken);
                }

                break;
            case TopicKind.Status:
                var status = PayloadCodec.DecodeStatus(payload.Span);
                if (await AcceptedAsync(topic, siteId, payload, status.Value?.GatewayId, status.Error, cancellationToken))
                {
                    await presence.StatusAsync(status.Value!.GatewayId, siteId, status.Value.State, cancellationToken);
                }

                break;
            case TopicKind.Config:
                // The cloud's own retained publications; nothing to ingest.
                break;
            default:
                throw new InvalidOperationException($"Unhandled topic kind {kind}.");
        }
    }

    /// <summary>One fault event: decoded, checked, applied to the desk; a bad one is rejected and kept.</summary>
    public async Task ApplyEventAsync(string topic, string siteId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var decoded = PayloadCodec.DecodeFaultEvent(payload.Span);
        if (!await AcceptedAsync(topic, siteId, payload, decoded.Value?.GatewayId, decoded.Error, cancellationToken))
        {
            return;
        }

        var e = decoded.Value!;
        if (e.SiteId != siteId)
        {
            await rejections.RejectAsync(topic, payload, "site-mismatch", $"event names site '{e.SiteId}' but was published on site '{siteId}'", cancellationToken);
            return;
        }

        var action = await desk.ApplyAsync(e, cancellationToken);
        if (action == TicketAction.Duplicate)
        {
            counters.CountDuplicate();
        }
        else
        {
            counters.CountAccepted();
        }
    }

    /// <summary>Decoded, and sent by a gateway registered for exactly this site.</summary>
    private async Task<bool> AcceptedAsync(string topic, string siteId, ReadOnlyMemory<byte> payload, string? gatewayId, string? decodeError, CancellationToken cancellationToken)
    {
        if (decodeError is not null || gatewayId is null)
        {
            await rejections.RejectAsync(topic, payload, "malformed", decodeError ?? "no gateway id", cancellationToken);
            return false;
        }

        var registeredSite = await gateways.SiteOfAsync(gatewayId, cancellationToken);
        if (registeredSite is null)
        {
            await rejections.RejectAsync(topic, payload, "unknown-gateway", $"gateway '{gatewayId}' is not registered", cancellationToken);
            return false;
        }

        if (registeredSite != siteId)
        {
            await rejections.RejectAsync(topic, payload, "wrong-site", $"gateway '{gatewayId}' belongs to site '{registeredSite}', not '{siteId}'", cancellationToken);
            return false;
        }

        return true;
    }
}
