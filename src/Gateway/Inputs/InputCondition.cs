using System.Text.Json.Serialization;
using AfterSales.Protocol.Json;

namespace AfterSales.Gateway.Inputs;

/// <summary>What a simulation step or stdin command puts an input into.</summary>
[JsonConverter(typeof(JsonNameEnumConverter<InputCondition>))]
internal enum InputCondition
{
    [JsonStringEnumMemberName("normal")]
    Normal,

    [JsonStringEnumMemberName("fault")]
    Fault,
}
