using System.Text.Json.Serialization;

namespace AfterSales.Protocol.Faults;

[JsonConverter(typeof(JsonStringEnumConverter<DeviceKind>))]
public enum DeviceKind
{
    [JsonStringEnumMemberName("panel")]
    Panel,

    [JsonStringEnumMemberName("zone")]
    Zone,

    [JsonStringEnumMemberName("camera")]
    Camera,

    [JsonStringEnumMemberName("recorder")]
    Recorder,

    [JsonStringEnumMemberName("ptz")]
    Ptz,

    [JsonStringEnumMemberName("power")]
    Power,

    [JsonStringEnumMemberName("gateway")]
    Gateway,
}
