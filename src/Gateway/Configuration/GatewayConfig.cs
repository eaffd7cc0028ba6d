namespace AfterSales.Gateway.Configuration;

/// <summary>The gateway's local configuration file (<c>gateway.json</c>).</summary>
internal sealed record GatewayConfig
{
    public string SiteId { get; init; } = string.Empty;

    public string GatewayId { get; init; } = string.Empty;

    public string StateDirectory { get; init; } = "/var/lib/aftersales";

    public BrokerConfig Broker { get; init; } = new();

    public int HeartbeatIntervalSeconds { get; init; } = 30;

    public int PollIntervalMilliseconds { get; init; } = 10;

    public IReadOnlyList<InputConfig> Inputs { get; init; } = [];

    public SimulationConfig Simulation { get; init; } = new();

    public TimeSpan HeartbeatInterval => TimeSpan.FromSeconds(HeartbeatIntervalSeconds);

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMilliseconds);
}
