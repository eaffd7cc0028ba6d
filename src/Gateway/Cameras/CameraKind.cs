using System.Text.Json.Serialization;
using AfterSales.Protocol.Faults;

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

internal static class CameraKinds
{
    public static DeviceKind ToDeviceKind(this CameraKind kind) => kind switch
    {
        CameraKind.Camera => DeviceKind.Camera,
        CameraKind.Recorder => DeviceKind.Recorder,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown camera kind."),
    };
}
