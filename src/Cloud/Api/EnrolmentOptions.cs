namespace AfterSales.Cloud.Api;

/// <summary>What a gateway is told at enrolment about where to connect (docs/gateway.md, "Enrolment").</summary>
public sealed class EnrolmentOptions
{
    public const string Section = "Enrolment";

    /// <summary>The broker's address as the gateways reach it; empty: the host name the gateway used to reach the cloud.</summary>
    public string? BrokerHost { get; set; }

    /// <summary>Empty: the embedded broker's TLS port (<c>Broker:TlsPort</c>) when it listens with TLS, else <c>Broker:Port</c>.</summary>
    public int? BrokerPort { get; set; }

    /// <summary>Empty: TLS when the embedded broker listens with TLS.</summary>
    public bool? BrokerUseTls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate, handed to the gateway; empty: the embedded broker's <c>Broker:TlsCaCertificateFile</c>, else the gateway trusts its system store.</summary>
    public string? CaCertificateFile { get; set; }

    /// <summary>
    /// Where a gateway is told to connect: what is set here, else what the embedded broker offers.
    /// An embedded broker with TLS hands out its TLS port and CA, never its plain port, which
    /// listens on loopback only (docs/security.md, "MQTT over TLS").
    /// </summary>
    public (int Port, bool UseTls, string? CaCertificateFile) BrokerFor(Mqtt.BrokerOptions broker)
    {
        ArgumentNullException.ThrowIfNull(broker);
        var embeddedTls = broker.Embedded && broker.TlsEnabled;
        var useTls = BrokerUseTls ?? embeddedTls;
        var port = BrokerPort ?? (embeddedTls && useTls ? broker.TlsPort : broker.Port);
        var ca = CaCertificateFile is { Length: > 0 } file ? file : embeddedTls && useTls && broker.TlsCaCertificateFile is { Length: > 0 } own ? own : null;
        return (port, useTls, ca);
    }

    /// <summary>How long a new enrolment token stays good.</summary>
    public double TokenValidHours { get; set; } = Sites.EnrolmentRules.DefaultValidHours;
}
