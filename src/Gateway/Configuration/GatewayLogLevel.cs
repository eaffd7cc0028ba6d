using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Configuration;

/// <summary>How much the gateway logs (<c>logLevel</c> in gateway.json); raise it to <c>debug</c> while commissioning a site.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GatewayLogLevel>))]
internal enum GatewayLogLevel
{
    /// <summary>Also every publish acknowledged, every poll answer and every probe result.</summary>
    [JsonStringEnumMemberName("debug")]
    Debug,

    /// <summary>Faults, restores, connections and configuration changes: the default.</summary>
    [JsonStringEnumMemberName("information")]
    Information,

    [JsonStringEnumMemberName("warning")]
    Warning,

    [JsonStringEnumMemberName("error")]
    Error,
}
