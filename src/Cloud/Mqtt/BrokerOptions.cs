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
}
