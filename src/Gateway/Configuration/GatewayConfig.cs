using AfterSales.Gateway.Cameras;
using AfterSales.Gateway.Identity;
using AfterSales.Gateway.Inputs;
using AfterSales.Gateway.Outbox;
using AfterSales.Gateway.Panels;
using AfterSales.Gateway.Panels.Dc09;
using AfterSales.Gateway.Power;
using AfterSales.Gateway.Ptz;
using AfterSales.Gateway.Telemetry;
using AfterSales.Gateway.Uplink;
using AfterSales.Gateway.Zones;

namespace AfterSales.Gateway.Configuration;

/// <summary>The gateway's local configuration file (<c>gateway.json</c>).</summary>
/// <remarks>
/// The config records use setters, not init: the JSON source generator assigns every init-only
/// property in one object initializer, which would replace the defaults below with zeros when a field is absent.
/// </remarks>
internal sealed record GatewayConfig
{
    public string SiteId { get; set; } = string.Empty;

    public string GatewayId { get; set; } = string.Empty;

    public string StateDirectory { get; set; } = "/var/lib/aftersales";

    public BrokerConfig Broker { get; set; } = new();

    /// <summary>PEM file of the cloud's public key that signs site configs; null refuses every config from the cloud.</summary>
    public string? CloudConfigKey { get; set; }

    public int HeartbeatIntervalSeconds { get; set; } = 30;

    public int PollIntervalMilliseconds { get; set; } = 10;

    public GatewayLogLevel LogLevel { get; set; } = GatewayLogLevel.Information;

    public OutboxConfig Outbox { get; set; } = new();

    public IReadOnlyList<InputConfig> Inputs { get; set; } = [];

    public IReadOnlyList<PanelConfig> Panels { get; set; } = [];

    public Dc09ReceiverConfig? Dc09Receiver { get; set; }

    public PtzConfig? Ptz { get; set; }

    public IReadOnlyList<CameraConfig> Cameras { get; set; } = [];

    /// <summary>Null when no INA219 is fitted.</summary>
    public PowerConfig? Power { get; set; }

    /// <summary>Null keeps the metrics in the status file only; set, they are also exported over OTLP.</summary>
    public TelemetryConfig? Telemetry { get; set; }

    /// <summary>Null when no MCP3008 is fitted.</summary>
    public ZonesConfig? Zones { get; set; }

    internal TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(HeartbeatIntervalSeconds);

    internal TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMilliseconds);

    // Each feature takes only its own part of the file.
    internal GatewayIdentity Identity => new(SiteId, GatewayId);

    internal InputSettings InputSettings => new(Inputs, PollInterval);

    internal UplinkSettings UplinkSettings => new(Identity, Broker, HeartbeatInterval);
}
