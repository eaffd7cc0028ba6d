using System.Text.Json.Serialization;
using AfterSales.Protocol.Json;

namespace AfterSales.Protocol.Faults;

[JsonConverter(typeof(JsonNameEnumConverter<FaultState>))]
public enum FaultState
{
    [JsonStringEnumMemberName("raised")]
    Raised,

    [JsonStringEnumMemberName("cleared")]
    Cleared,
}
