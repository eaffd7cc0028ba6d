using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Dispatch;

/// <summary>The trades a job can need, and which one each kind of device needs.</summary>
public static class Skills
{
    public const string Alarm = "alarm";
    public const string Cctv = "cctv";
    public const string Ptz = "ptz";
    public const string Power = "power";
    public const string Cabling = "cabling";

    public static IReadOnlyList<string> All { get; } = [Alarm, Cctv, Ptz, Power, Cabling];

    public static string For(DeviceKind kind) => kind switch
    {
        DeviceKind.Panel or DeviceKind.Zone => Alarm,
        DeviceKind.Camera or DeviceKind.Recorder => Cctv,
        DeviceKind.Ptz => Ptz,
        DeviceKind.Power => Power,

        // A silent gateway is nearly always its network line or its own supply.
        DeviceKind.Gateway => Cabling,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static HashSet<string> Parse(string skills) =>
        [.. skills.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => s.ToLowerInvariant())];
}
