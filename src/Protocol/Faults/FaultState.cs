using System.Text.Json.Serialization;

namespace AfterSales.Protocol.Faults;

[JsonConverter(typeof(JsonStringEnumConverter<FaultState>))]
public enum FaultState
{
    [JsonStringEnumMemberName("raised")]
    Raised,

    [JsonStringEnumMemberName("cleared")]
    Cleared,
}
