using System.Text.Json.Serialization;

namespace AfterSales.Protocol.Contracts;

/// <summary>
/// Retained on the <c>status</c> topic. The broker publishes the <c>offline</c> form as the
/// gateway's last will, so its <see cref="At"/> is the time the gateway connected, not the time it vanished.
/// </summary>
public sealed record GatewayStatus
{
    public required GatewayState State { get; init; }

    public required string GatewayId { get; init; }

    public required string Version { get; init; }

    public required DateTimeOffset At { get; init; }
}

[JsonConverter(typeof(JsonStringEnumConverter<GatewayState>))]
public enum GatewayState
{
    [JsonStringEnumMemberName("online")]
    Online,

    [JsonStringEnumMemberName("offline")]
    Offline,
}
