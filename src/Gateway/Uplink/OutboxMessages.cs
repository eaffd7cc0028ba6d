using AfterSales.Gateway.Outbox;
using MQTTnet;
using MQTTnet.Protocol;

namespace AfterSales.Gateway.Uplink;

internal static class OutboxMessages
{
    /// <summary>Every outbox entry goes out QoS 1: it is in the outbox precisely because it must arrive.</summary>
    public static MqttApplicationMessage For(OutboxEntry entry) =>
        new MqttApplicationMessageBuilder()
            .WithTopic(entry.Topic)
            .WithPayload(entry.Payload)
            .WithContentType("application/json")
            .WithPayloadFormatIndicator(MqttPayloadFormatIndicator.CharacterData)
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
}
