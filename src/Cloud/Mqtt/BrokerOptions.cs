namespace AfterSales.Cloud.Mqtt;

public sealed class BrokerOptions
{
    public const string Section = "Broker";

    /// <summary>Host an MQTT broker inside the cloud process (the default), or use an external one.</summary>
    public bool Embedded { get; set; } = true;

    /// <summary>Embedded: the port gateways connect to. External: the broker's port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>
    /// Embedded: the address the TLS listener binds to, and the plain one when <see cref="AllowPlainOnNetwork"/>;
    /// otherwise plain MQTT listens on loopback only (docs/security.md, "MQTT over TLS").
    /// </summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Embedded: plain MQTT (passwords and alarms readable on the wire) on <see cref="BindAddress"/> instead of loopback only.</summary>
    public bool AllowPlainOnNetwork { get; set; }

    /// <summary>Embedded: the broker's certificate, a PFX file or a PEM file (with <see cref="TlsKeyFile"/>); set, the broker also listens with TLS on <see cref="TlsPort"/>.</summary>
    public string? TlsCertificateFile { get; set; }

    /// <summary>Embedded: the PEM private key of a PEM <see cref="TlsCertificateFile"/>.</summary>
    public string? TlsKeyFile { get; set; }

    /// <summary>Embedded: the password of a PFX <see cref="TlsCertificateFile"/>, if it has one.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>Embedded: the port of the TLS listener.</summary>
    public int TlsPort { get; set; } = 8883;

    /// <summary>Embedded: the PEM certificate of the CA that signed the broker's; handed to gateways at enrolment so they trust the broker.</summary>
    public string? TlsCaCertificateFile { get; set; }

    /// <summary>Embedded: whether the broker listens with TLS.</summary>
    public bool TlsEnabled => !string.IsNullOrWhiteSpace(TlsCertificateFile);

    /// <summary>External: the broker's host name.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>External: the cloud's own credential on the broker.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    public bool UseTls { get; set; }

    /// <summary>Subscribe to events through <c>$share/cloud/…</c> so several cloud nodes split the stream.</summary>
    public bool SharedSubscription { get; set; }

    public string ClientId { get; set; } = "aftersales-cloud-" + Environment.MachineName.ToLowerInvariant();

    /// <summary>Embedded: connected clients at most (gateways and the cloud's own); more are refused as busy.</summary>
    public int MaxConnections { get; set; } = 2000;

    /// <summary>Embedded: the largest message a gateway may publish; a larger one is refused and the connection closed.</summary>
    public int MaxPayloadBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// Embedded: the largest MQTT packet any client may send (its remaining length), checked at the packet's header
    /// before it is read, so a huge announced packet costs no memory; above every gateway message and site config.
    /// </summary>
    public int MaxPacketBytes { get; set; } = 256 * 1024;

    /// <summary>Embedded: after this many wrong passwords in a row, a client id is refused without a check for <see cref="LoginPauseSeconds"/>.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int LoginPauseSeconds { get; set; } = 60;

    /// <summary>Embedded: a gateway's refused publishes are logged and stored once per this many seconds, with a count of the rest.</summary>
    public int RefusalRecordSeconds { get; set; } = 60;
}
