using Microsoft.Extensions.Logging;

namespace AfterSales.Gateway.Uplink;

internal sealed partial class MqttUplink
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to broker {Endpoint} as {GatewayId}; status online, {Queued} events to send")]
    private partial void LogConnected(string endpoint, string gatewayId, int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broker {Endpoint} unavailable: {Reason}; {Queued} events waiting; retrying in {DelayS:0.0} s")]
    private partial void LogRetrying(string endpoint, string reason, int queued, double delayS);

    [LoggerMessage(Level = LogLevel.Information, Message = "Event published: {Fault} {State} seq {Seq} device {DeviceId} id {FaultEventId}")]
    private partial void LogPublished(string fault, string state, long seq, string deviceId, Guid faultEventId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the link to broker {Endpoint}: {DisconnectReason}")]
    private partial void LogLinkLost(string endpoint, string disconnectReason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Uplink starting: broker {Broker}, client id {GatewayId}, site {SiteId}")]
    private partial void LogStarting(string broker, string gatewayId, string siteId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Shutting down with {Queued} events not acknowledged by the broker; they are lost (the outbox is in memory)")]
    private partial void LogUnsentAtShutdown(int queued);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat not sent: {Reason}")]
    private partial void LogHeartbeatFailed(string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Disconnected from broker {Endpoint} after publishing status offline")]
    private partial void LogDisconnected(string endpoint);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not say goodbye to the broker: {Reason}; it will publish the last will instead")]
    private partial void LogShutdownUnclean(string reason);
}
