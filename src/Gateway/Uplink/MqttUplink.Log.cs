using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Uplink;

internal sealed partial class MqttUplink
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to broker {Endpoint} as {GatewayId}; status online, {Queued} events to send")]
    private partial void LogConnected(string endpoint, string gatewayId, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker {Endpoint} unavailable: {Reason}; {Queued} events waiting; retrying in {DelayS:0.0} s")]
    private partial void LogRetrying(string endpoint, string reason, int queued, double delayS);

    // Debug: the "queued" line already records each event, and a drained backlog of thousands would flood the journal.
    [LoggerMessage(Level = LogLevel.Debug, Message = "Event published: seq {Seq} on {Topic} (outbox id {OutboxId}), acknowledged by the broker")]
    private partial void LogPublished(string topic, long seq, long outboxId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the link to broker {Endpoint}: {DisconnectReason}")]
    private partial void LogLinkLost(string endpoint, string disconnectReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uplink starting: broker {Broker}, client id {GatewayId}, site {SiteId}")]
    private partial void LogStarting(string broker, string gatewayId, string siteId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down with {Queued} events not yet acknowledged by the broker; they stay in {OutboxFile} and are sent after the next start")]
    private partial void LogUnsentAtShutdown(int queued, string outboxFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The broker refused the subscription to {Topic} ({Reason}); the gateway keeps its last good site config")]
    private partial void LogConfigSubscribeRefused(string topic, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Uplink failed unexpectedly; dropping the link and resending from the outbox")]
    private partial void LogUnexpected(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat not sent: {Reason}")]
    private partial void LogHeartbeatFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disconnected from broker {Endpoint} after publishing status offline")]
    private partial void LogDisconnected(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not say goodbye to the broker: {Reason}; it will publish the last will instead")]
    private partial void LogShutdownUnclean(string reason);
}
