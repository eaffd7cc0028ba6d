using AfterSales.Protocol.Faults;

namespace AfterSales.Gateway.Cameras;

internal static class CameraKinds
{
    public static DeviceKind ToDeviceKind(this CameraKind kind) => kind switch
    {
        CameraKind.Camera => DeviceKind.Camera,
        CameraKind.Recorder => DeviceKind.Recorder,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown camera kind."),
    };
}
