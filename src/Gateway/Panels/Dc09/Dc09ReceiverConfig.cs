namespace AfterSales.Gateway.Panels.Dc09;

/// <summary>The SIA DC-09 receiver for IP panels on the site LAN: <c>dc09Receiver</c> in gateway.json.</summary>
internal sealed record Dc09ReceiverConfig
{
    /// <summary>The site LAN address to listen on; 0.0.0.0 listens everywhere.</summary>
    public string ListenAddress { get; set; } = "0.0.0.0";

    /// <summary>0 turns the TCP listener off.</summary>
    public int TcpPort { get; set; }

    /// <summary>0 turns the UDP listener off.</summary>
    public int UdpPort { get; set; }

    /// <summary>How far behind the gateway's clock a message may be (DC-09 default 40 s).</summary>
    public int MaxAgeSeconds { get; set; } = 40;

    /// <summary>How far ahead of the gateway's clock a message may be (DC-09 default 20 s).</summary>
    public int MaxAheadSeconds { get; set; } = 20;

    /// <summary>TCP connections served at once; more are closed at once (a LAN device cannot exhaust the board).</summary>
    public int MaxConnections { get; set; } = 16;

    /// <summary>A TCP connection without a whole frame for this long is closed; the panel connects again for its next message.</summary>
    public int IdleTimeoutSeconds { get; set; } = 120;

    /// <summary>The largest frame taken (length field); DC-09 allows 4095, panels send a few hundred bytes.</summary>
    public int MaxFrameBytes { get; set; } = 1024;

    public IReadOnlyList<Dc09AccountConfig> Accounts { get; set; } = [];

    // A method, not a property: a read-only property named like a JSON field would silently swallow that field.
    public TimeSpan MaxAge() => TimeSpan.FromSeconds(MaxAgeSeconds);

    public TimeSpan MaxAhead() => TimeSpan.FromSeconds(MaxAheadSeconds);

    public TimeSpan IdleTimeout() => TimeSpan.FromSeconds(IdleTimeoutSeconds);
}
