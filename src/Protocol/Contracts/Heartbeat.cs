namespace AfterSales.Protocol.Contracts;

/// <summary>QoS 0 liveness beacon; the cloud raises <c>gateway.offline</c> when these stop.</summary>
public sealed record Heartbeat
{
    public required string GatewayId { get; init; }

    public required DateTimeOffset At { get; init; }

    public required long UptimeS { get; init; }

    public required int OutboxDepth { get; init; }

    public required int ActiveFaults { get; init; }
}
