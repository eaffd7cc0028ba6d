using System.Text;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Faults;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Protocol;

namespace AfterSales.Cloud.Tests.Operations;

/// <summary>Publishes as a seeded gateway through the host's embedded broker, the way a site does.</summary>
internal static class GatewayPublisher
{
    public static FaultEvent Fault(string site, string gateway, string device, DeviceKind kind, string fault) => new()
    {
        Schema = FaultEvent.SchemaV1,
        EventId = Guid.CreateVersion7(),
        SiteId = site,
        GatewayId = gateway,
        Seq = 1,
        DeviceId = device,
        DeviceKind = kind,
        Fault = fault,
        State = FaultState.Raised,
        Severity = FaultSeverity.Major,
        OccurredAt = DateTimeOffset.UtcNow,
    };

    /// <param name="traceParent">Sent as the MQTT v5 user property a gateway would carry its trace in.</param>
    public static async Task PublishAsync(int port, string gateway, string secret, string topic, byte[] payload, string? traceParent = null)
    {
        using var client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder().WithTcpServer("127.0.0.1", port).WithClientId(gateway).WithCredentials(gateway, secret)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500).Build();
        await client.ConnectAsync(options);
        var message = new MqttApplicationMessageBuilder().WithTopic(topic).WithPayload(payload).WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce);
        if (traceParent is not null)
        {
            message.WithUserProperty("traceparent", Encoding.UTF8.GetBytes(traceParent));
        }

        await client.PublishAsync(message.Build());
        await client.DisconnectAsync();
    }

    public static Task PublishFaultAsync(int port, FaultEvent e, string secret, string? traceParent = null) =>
        PublishAsync(port, e.GatewayId, secret, MqttTopics.Events(e.SiteId), PayloadCodec.Encode(e).ToArray(), traceParent);
}
