using AfterSales.Protocol.Faults;

namespace AfterSales.Cloud.Jobs;

/// <summary>
/// The tests a technician runs after a repair, before leaving (docs/service-rules.md §2.18): per
/// kind of device, what shows the repair holds. "Resolve" is refused until each is ticked.
/// </summary>
internal static class RepairTestRules
{
    public static IReadOnlyList<string> For(DeviceKind kind) => kind switch
    {
        DeviceKind.Panel => ["Panel shows no trouble", "Mains and battery normal", "Test alarm received by the monitoring centre"],
        DeviceKind.Zone => ["Zone walk-tested: alarm on trigger", "Tamper closed", "Zone normal at the panel"],
        DeviceKind.Camera => ["Live image clear at the recorder", "Recording checked by playback", "Time and on-screen text correct"],
        DeviceKind.Recorder => ["Every channel recording", "Playback of the last hour", "Disk health normal"],
        DeviceKind.Ptz => ["Pan, tilt and zoom respond", "Presets recalled"],
        DeviceKind.Power => ["Output voltage in range", "Battery takes over when mains is cut"],
        DeviceKind.Gateway => ["Gateway online in the cloud", "Every device reported normal"],
        _ => ["Device works as intended"],
    };

    /// <summary>Why the job cannot be resolved yet: the tests not ticked; null when all were.</summary>
    public static string? Missing(DeviceKind kind, IReadOnlyCollection<string>? passed)
    {
        var missing = For(kind).Where(item => passed is null || !passed.Contains(item, StringComparer.Ordinal)).ToList();
        return missing.Count == 0 ? null : "Run the tests after the repair before resolving; not yet ticked: " + string.Join("; ", missing) + ".";
    }
}
