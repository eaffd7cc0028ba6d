using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Inputs;

/// <summary>How a dry contact behaves when the supervised device is healthy.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactType>))]
internal enum ContactType
{
    /// <summary>Closed while healthy, so a cut wire reads as a fault too.</summary>
    [JsonStringEnumMemberName("normallyClosed")]
    NormallyClosed,

    /// <summary>Open while healthy; closes to signal the fault.</summary>
    [JsonStringEnumMemberName("normallyOpen")]
    NormallyOpen,
}
