namespace AfterSales.Gateway.Configuration;

internal sealed record BrokerConfig
{
    public string Host { get; set; } = string.Empty;

    public int Port { get; set; } = 1883;

    public string? Username { get; set; }

    /// <summary>Never logged; the record's printed form hides it too.</summary>
    public string? Password { get; set; }

    public bool UseTls { get; set; }

    // Records print every property; keep the password out of any accidental log line.
    public override string ToString() =>
        $"{Host}:{Port} (user {Username ?? "none"}, TLS {(UseTls ? "on" : "off")})";
}
