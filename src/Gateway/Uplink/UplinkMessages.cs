using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Protocol;

namespace AfterSales.Gateway.Uplink;

/// <summary>The QoS and retain flags of wire contract v1, in one place.</summary>
internal static class UplinkMessages
{
    /// <summary>Every outbox entry goes out QoS 1: it is in the outbox precisely because it must arrive.</summary>
    public static MqttApplicationMessage Entry(OutboxEntry entry) =>
        Build(entry.Topic, entry.Payload, MqttQualityOfServiceLevel.AtLeastOnce, retain: false);

    public static MqttApplicationMessage Status(string siteId, GatewayStatus value) =>
        Build(MqttTopics.Status(siteId), PayloadCodec.Encode(value), MqttQualityOfServiceLevel.AtLeastOnce, retain: true);

    public static MqttApplicationMessage Heartbeat(string siteId, Heartbeat value) =>
        Build(MqttTopics.Heartbeat(siteId), PayloadCodec.Encode(value), MqttQualityOfServiceLevel.AtMostOnce, retain: false);

    private static MqttApplicationMessage Build(string topic, byte[] payload, MqttQualityOfServiceLevel qos, bool retain) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(topic)
            .WithPayload(payload)
            .WithContentType("application/json")
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .WithQualityOfServiceLevel(qos)
            .WithRetainFlag(retain)
            .Build();
}
