using MQTTnet;

namespace AfterSales.Cloud.Mqtt;

/// <summary>How any of the cloud's own MQTT clients logs in: the internal credential on the embedded broker, the configured one outside.</summary>
internal static class CloudMqttOptions
{
    public static MqttClientOptionsBuilder Builder(BrokerOptions o, CloudBrokerCredential embeddedCredential, string clientId)
    {
        ArgumentNullException.ThrowIfNull(o);
        ArgumentNullException.ThrowIfNull(embeddedCredential);
        var builder = new MqttClientOptionsBuilder()
            .WithClientId(clientId)
            .WithProtocolVersion(MQTTnet.Formatter.MqttProtocolVersion.V500)
            .WithTimeout(TimeSpan.FromSeconds(10));
        builder = o.Embedded
            ? builder.WithTcpServer("127.0.0.1", o.Port).WithCredentials(embeddedCredential.Username, embeddedCredential.Password)
            : builder.WithTcpServer(o.Host, o.Port).WithCredentials(o.Username, o.Password);
        return !o.Embedded && o.UseTls ? builder.WithTlsOptions(t => t.UseTls()) : builder;
    }
}
