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
                    presence.Seen(heartbeat.Value!.GatewayId, siteId);
                }

                break;
            case TopicKind.Status:
                var status = PayloadCodec.DecodeStatus(payload.Span);
                if (await AcceptedAsync(topic, siteId, payload, status.Value?.GatewayId, status.Error, cancellationToken))
                {
                    presence.Status(status.Value!.GatewayId, siteId, status.Value.State);
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
    public Task ApplyEventAsync(string topic, string siteId, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        ApplyEventsAsync([new IncomingEvent(topic, siteId, payload, CloudTelemetry.CurrentTraceParent())], cancellationToken);

    /// <summary>
    /// Events in the order given: each decoded and checked (bad ones rejected and kept), the good ones
    /// applied by the desk in one transaction. Each gets an "ingest" span in its gateway's trace.
    /// </summary>
    public async Task ApplyEventsAsync(IReadOnlyList<IncomingEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        var sites = new Dictionary<string, string?>(StringComparer.Ordinal);
        var accepted = new List<DeskEvent>(events.Count);
        foreach (var incoming in events)
        {
            using var span = CloudTelemetry.Start("ingest", System.Diagnostics.ActivityKind.Consumer, incoming.TraceParent)?.SetTag("messaging.destination.name", incoming.Topic);
            var decoded = PayloadCodec.DecodeFaultEvent(incoming.Payload.Span);
            if (!await AcceptedAsync(incoming.Topic, incoming.SiteId, incoming.Payload, decoded.Value?.GatewayId, decoded.Error, sites, cancellationToken))
            {
                continue;
            }

            var e = decoded.Value!;
            if (e.SiteId != incoming.SiteId)
            {
                await rejections.RejectAsync(incoming.Topic, incoming.Payload, "site-mismatch", $"event names site '{e.SiteId}' but was published on site '{incoming.SiteId}'", cancellationToken);
                continue;
            }

            accepted.Add(new DeskEvent(e, CloudTelemetry.CurrentTraceParent()));
        }

        if (accepted.Count == 0)
        {
            return;
        }

        foreach (var action in await desk.ApplyBatchAsync(accepted, cancellationToken))
        {
            if (action == TicketAction.Duplicate)
            {
                counters.CountDuplicate();
            }
            else
            {
                counters.CountAccepted();
            }
        }
    }

    /// <summary>Decoded, and sent by a gateway registered for exactly this site.</summary>
    private async Task<bool> AcceptedAsync(string topic, string siteId, ReadOnlyMemory<byte> payload, string? gatewayId, string? decodeError, CancellationToken cancellationToken) =>
        await AcceptedAsync(topic, siteId, payload, gatewayId, decodeError, new Dictionary<string, string?>(StringComparer.Ordinal), cancellationToken);

    /// <param name="sites">Gateway → registered site, looked up once per batch.</param>
    private async Task<bool> AcceptedAsync(string topic, string siteId, ReadOnlyMemory<byte> payload, string? gatewayId, string? decodeError, Dictionary<string, string?> sites, CancellationToken cancellationToken)
    {
        if (decodeError is not null || gatewayId is null)
        {
            await rejections.RejectAsync(topic, payload, "malformed", decodeError ?? "no gateway id", cancellationToken);
            return false;
        }

        if (!sites.TryGetValue(gatewayId, out var registeredSite))
        {
            registeredSite = await gateways.SiteOfAsync(gatewayId, cancellationToken);
            sites[gatewayId] = registeredSite;
        }

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
