namespace AfterSales.Gateway.Configuration;

internal sealed record BrokerConfig
{
    public string Host { get; init; } = string.Empty;

    public int Port { get; init; } = 1883;

    public string? Username { get; init; }

    /// <summary>Never logged; the record's printed form hides it too.</summary>
    public string? Password { get; init; }

    public bool UseTls { get; init; }

    // Records print every property; keep the password out of any accidental log line.
    public override string ToString() =>
        $"{Host}:{Port} (user {Username ?? "none"}, TLS {(UseTls ? "on" : "off")})";
}
