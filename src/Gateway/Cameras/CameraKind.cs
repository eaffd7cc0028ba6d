using System.Text.Json.Serialization;

namespace AfterSales.Gateway.Cameras;

/// <summary>What sits at the address: its faults are filed against a camera or a recorder ticket.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CameraKind>))]
internal enum CameraKind
{
    [JsonStringEnumMemberName("camera")]
    Camera,

    [JsonStringEnumMemberName("recorder")]
    Recorder,
}
