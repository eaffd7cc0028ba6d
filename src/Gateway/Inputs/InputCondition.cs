using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Inputs;

/// <summary>What a simulation step or stdin command puts an input into.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InputCondition>))]
internal enum InputCondition
{
    [JsonStringEnumMemberName("normal")]
    Normal,

    [JsonStringEnumMemberName("fault")]
    Fault,
}
