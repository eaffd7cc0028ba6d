namespace AfterSales.Cloud.Mqtt;

public sealed class BrokerOptions
{
    public const string Section = "Broker";

    /// <summary>Host an MQTT broker inside the cloud process (the default), or use an external one.</summary>
    public bool Embedded { get; set; } = true;

    /// <summary>Embedded: the port gateways connect to. External: the broker's port.</summary>
    public int Port { get; set; } = 1883;

    /// <summary>Embedded: the address the listener binds to.</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

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

    /// <summary>Embedded: after this many wrong passwords in a row, a client id is refused without a check for <see cref="LoginPauseSeconds"/>.</summary>
    public int MaxFailedLogins { get; set; } = 5;

    public int LoginPauseSeconds { get; set; } = 60;

    /// <summary>Embedded: a gateway's refused publishes are logged and stored once per this many seconds, with a count of the rest.</summary>
    public int RefusalRecordSeconds { get; set; } = 60;
}
