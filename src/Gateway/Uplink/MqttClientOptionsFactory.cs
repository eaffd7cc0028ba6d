using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using AfterSales.Gateway.Identity;
using AfterSales.Protocol.Contracts;
using AfterSales.Protocol.Json;
using AfterSales.Protocol.Topics;
using MQTTnet;
using MQTTnet.Formatter;
using MQTTnet.Protocol;

namespace AfterSales.Gateway.Uplink;

internal static class MqttClientOptionsFactory
{
    /// <summary>How long the broker keeps our session (config subscription, in-flight QoS 1) while we are away.</summary>
    public static readonly TimeSpan SessionExpiry = TimeSpan.FromDays(7);

    /// <summary>
    /// How long one exchange with the broker may take before the link counts as dead: MQTTnet's own timeout (a
    /// DISCONNECT, a keep-alive PING) and the uplink's wait for a CONNACK, SUBACK or PUBACK. A healthy PUBACK takes
    /// milliseconds and a TLS connect a few round trips, so 10 s leaves room for a slow mobile link; yet a dead link is
    /// given up well inside the systemd watchdog's 30 s, and as the outbox keeps the events, waiting longer only
    /// delays their resend.
    /// </summary>
    public static readonly TimeSpan CommunicationTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Options for one connection attempt. The last will carries the connect time, so it is rebuilt
    /// per attempt; the broker publishes it retained when the link dies without a clean disconnect.
    /// </summary>
    public static MqttClientOptions Create(UplinkSettings config, DateTimeOffset connectingAt)
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
            .WithCleanStart(false)
            .WithSessionExpiryInterval((uint)SessionExpiry.TotalSeconds)
            .WithKeepAlivePeriod(TimeSpan.FromSeconds(15))
            .WithTimeout(CommunicationTimeout)
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
            builder = builder.WithTlsOptions(tls => Tls(tls, config.Broker));
        }

        return builder.Build();
    }

    private static void Tls(MqttClientTlsOptionsBuilder tls, BrokerConfig broker)
    {
        tls.UseTls()
            .WithTargetHost(broker.Host)
            .WithSslProtocols(System.Security.Authentication.SslProtocols.Tls12 | System.Security.Authentication.SslProtocols.Tls13);
        if (broker.CaCertificate is not null)
        {
            var ca = TlsFiles.LoadCa(broker.CaCertificate);
            tls.WithCertificateValidationHandler(args => TrustedByCa(args.Certificate, args.SslPolicyErrors, ca));
        }

        if (broker.ClientCertificate is not null && broker.ClientKey is not null)
        {
            tls.WithClientCertificates([TlsFiles.LoadClient(broker.ClientCertificate, broker.ClientKey)]);
        }
    }

    /// <summary>
    /// The broker's certificate must chain to the configured CA (and only to it) and name the host we
    /// dialled; the site's own CA is usually not in the board's trust store, so the chain is built here.
    /// </summary>
    internal static bool TrustedByCa(X509Certificate? presented, SslPolicyErrors errors, X509Certificate2Collection ca)
    {
        if (presented is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }
}
