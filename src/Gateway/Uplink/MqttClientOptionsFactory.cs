using AfterSales.Gateway.Configuration;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.Gateway.Uplink;

internal static class MqttClientOptionsFactory
{
    /// <summary>
    /// Options for one connection attempt. The last will carries the connect time, so it is rebuilt
    /// per attempt; the broker publishes it retained when the link dies without a clean disconnect.
    /// </summary>
    public static MqttClientOptions Create(GatewayConfig config, DateTimeOffset connectingAt)
    {
        var will = new GatewayStatus
        {
            State = GatewayState.Offline,
            GatewayId = config.GatewayId,
            Version = GatewayVersion.Current,
            At = connectingAt,
        };

        var builder = new MqttClientOptionsBuilder()
            .WithClientId(config.GatewayId)
            .WithTcpServer(config.Broker.Host, config.Broker.Port)
            .WithProtocolVersion(MqttProtocolVersion.V500)
            .WithCleanStart(true)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(TimeSpan.FromSeconds(10))
            .WithWillTopic(MqttTopics.Status(config.SiteId))
            .WithWillPayload(PayloadCodec.Encode(will))
            .WithWillContentType("application/json")
            .WithWillQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .WithWillRetain(true);

        if (!string.IsNullOrEmpty(config.Broker.Username))
        {
            builder = builder.WithCredentials(config.Broker.Username, config.Broker.Password ?? string.Empty);
        }

        if (config.Broker.UseTls)
        {
            builder = builder.WithTlsOptions(tls => tls.UseTls().WithTargetHost(config.Broker.Host));
        }

        return builder.Build();
    }
}
