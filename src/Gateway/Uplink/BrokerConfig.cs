namespace AfterSales.Gateway.Uplink;

internal sealed record BrokerConfig
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    /// <summary>Never logged; the record's printed form hides it too.</summary>
    public string? Password { get; set; }

    public bool UseTls { get; set; }

    /// <summary>PEM file of the CA that signed the broker's certificate; without it the system trust store decides.</summary>
    public string? CaCertificate { get; set; }

    /// <summary>PEM certificate for TLS client authentication; needs <see cref="ClientKey"/>.</summary>
    public string? ClientCertificate { get; set; }

    /// <summary>PEM private key of <see cref="ClientCertificate"/>; a secret like the password, never logged.</summary>
    public string? ClientKey { get; set; }

    /// <summary>
    /// Events in flight before waiting for PUBACKs. 1 suits a nearby broker (Mosquitto leaves Nagle on, and
    /// with several small PUBACKs outstanding each waits for a delayed TCP ACK); raise it for a distant broker.
    /// </summary>
    public int MaxInFlight { get; set; } = 1;

    // Records print every property; keep the password out of any accidental log line.
    public override string ToString() =>
        $"{Host}:{Port} (user {Username ?? "none"}, TLS {(UseTls ? "on" : "off")}{(CaCertificate is null ? string.Empty : ", CA " + CaCertificate)}{(ClientCertificate is null ? string.Empty : ", client certificate " + ClientCertificate)})";
}
