namespace AfterSales.Gateway.Uplink;

/// <summary>Checks <c>broker</c> in gateway.json: host, ports, credentials in pairs, TLS files that exist and parse.</summary>
internal static class BrokerConfigValidator
{
    public static string? Validate(BrokerConfig b)
    {
        if (string.IsNullOrWhiteSpace(b.Host))
        {
            return "broker.host is missing";
        }

        if (b.Port is < 1 or > 65535)
        {
            return $"broker.port {b.Port} must be between 1 and 65535";
        }

        if (b.MaxInFlight is < 1 or > 65535)
        {
            return $"broker.maxInFlight {b.MaxInFlight} must be between 1 and 65535";
        }

        if (b.Password is not null && string.IsNullOrEmpty(b.Username))
        {
            return "broker.username is missing while broker.password is set";
        }

        if (!b.UseTls && (b.CaCertificate ?? b.ClientCertificate ?? b.ClientKey) is not null)
        {
            return "broker.useTls must be true when broker.caCertificate, broker.clientCertificate or broker.clientKey is set";
        }

        if ((b.ClientCertificate is null) != (b.ClientKey is null))
        {
            return b.ClientCertificate is null
                ? "broker.clientCertificate is missing while broker.clientKey is set"
                : "broker.clientKey is missing while broker.clientCertificate is set";
        }

        return TlsFiles.Check(b);
    }
}
