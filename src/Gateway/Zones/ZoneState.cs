using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Zones;

/// <summary>What the resistance of an end-of-line-supervised zone loop says.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ZoneState>))]
internal enum ZoneState
{
    [JsonStringEnumMemberName("normal")]
    Normal,

    /// <summary>The detector's alarm contact is open: an intrusion signal, not a maintenance fault.</summary>
    [JsonStringEnumMemberName("alarm")]
    Alarm,

    [JsonStringEnumMemberName("tamper")]
    Tamper,

    [JsonStringEnumMemberName("shortCircuit")]
    ShortCircuit,

    [JsonStringEnumMemberName("openCircuit")]
    OpenCircuit,
}
