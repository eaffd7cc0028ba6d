using System.Text.Json.Serialization;

namespace AfterSales.Protocol.Faults;

/// <summary>docs/service-rules.md §6.1: how much protection a fault takes away; it chooses the response clock.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FaultSeverity>))]
public enum FaultSeverity
{
    /// <summary>The site is no longer protected or monitored.</summary>
    [JsonStringEnumMemberName("critical")]
    Critical,

    /// <summary>Part of the protection is lost.</summary>
    [JsonStringEnumMemberName("major")]
    Major,

    /// <summary>Degraded but working.</summary>
    [JsonStringEnumMemberName("minor")]
    Minor,
}
