
namespace AfterSales.Protocol.Faults;

/// <summary>
/// The fault taxonomy of wire contract v1. Codes are stable identifiers: extend, never rename.
/// A well-formed code that is not listed here (sent by a newer gateway) is still accepted on the wire.
/// </summary>
public static class FaultCodes
{
    public const string PanelAcLoss = "panel.ac_loss";
    public const string PanelLowBattery = "panel.low_battery";
    public const string PanelTamper = "panel.tamper";
    public const string PanelCommFail = "panel.comm_fail";
    public const string PanelOffline = "panel.offline";
    public const string PanelSystemTrouble = "panel.system_trouble";
    public const string ZoneTrouble = "zone.trouble";
    public const string ZoneTamper = "zone.tamper";
    public const string ZoneOpenCircuit = "zone.open_circuit";
    public const string ZoneShortCircuit = "zone.short_circuit";

    /// <summary>A wireless sensor reports its battery low (Contact ID 384, SIA XT, IT-100 821).</summary>
    public const string ZoneLowBattery = "zone.low_battery";

    public const string CameraOffline = "camera.offline";
    public const string CameraVideoLoss = "camera.video_loss";
    public const string CameraStreamFail = "camera.stream_fail";
    public const string CameraClockDrift = "camera.clock_drift";
    public const string CameraTamper = "camera.tamper";
    public const string RecorderDiskFault = "recorder.disk_fault";
    public const string RecorderNotRecording = "recorder.not_recording";
    public const string PtzNoResponse = "ptz.no_response";
    public const string PowerMainsLoss = "power.mains_loss";
    public const string PowerUndervoltage = "power.undervoltage";
    public const string GatewayOffline = "gateway.offline";

    /// <summary>The gateway's outbox reached its disk budget (or the disk is full): new events are being refused.</summary>
    public const string GatewayOutboxFull = "gateway.outbox_full";

    /// <summary>Every known code with the severity docs/service-rules.md §6.1 gives it by default.</summary>
    /// <remarks>
    /// A plain dictionary, not a FrozenDictionary: 23 entries gain nothing from freezing, and the frozen collections would
    /// load System.Collections.Immutable into the gateway, 0.4 MB resident on the board (docs/benchmarks.md, "Memory, third pass").
    /// </remarks>
    public static IReadOnlyDictionary<string, FaultSeverity> DefaultSeverities { get; } = new Dictionary<string, FaultSeverity>(StringComparer.Ordinal)
    {
        [PanelAcLoss] = FaultSeverity.Major,
        [PanelLowBattery] = FaultSeverity.Minor,
        [PanelTamper] = FaultSeverity.Major,
        [PanelCommFail] = FaultSeverity.Critical,
        [PanelOffline] = FaultSeverity.Critical,
        [PanelSystemTrouble] = FaultSeverity.Critical,
        [ZoneTrouble] = FaultSeverity.Major,
        [ZoneTamper] = FaultSeverity.Major,
        [ZoneOpenCircuit] = FaultSeverity.Major,
        [ZoneShortCircuit] = FaultSeverity.Major,
        [ZoneLowBattery] = FaultSeverity.Minor,
        [CameraOffline] = FaultSeverity.Major,
        [CameraVideoLoss] = FaultSeverity.Major,
        [CameraStreamFail] = FaultSeverity.Major,
        [CameraClockDrift] = FaultSeverity.Minor,
        [CameraTamper] = FaultSeverity.Major,
        [RecorderDiskFault] = FaultSeverity.Critical,
        [RecorderNotRecording] = FaultSeverity.Critical,
        [PtzNoResponse] = FaultSeverity.Major,
        [PowerMainsLoss] = FaultSeverity.Major,
        [PowerUndervoltage] = FaultSeverity.Minor,
        [GatewayOffline] = FaultSeverity.Critical,
        [GatewayOutboxFull] = FaultSeverity.Critical,
    };

    public static bool IsKnown(string code) => DefaultSeverities.ContainsKey(code);

    /// <summary>
    /// A code is lowercase dotted words: <c>family.name</c>, letters, digits and underscores,
    /// at most 64 characters. This is what the cloud accepts from any gateway version.
    /// </summary>
    public static bool IsWellFormed(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length > 64)
        {
            return false;
        }

        var parts = code.Split('.');
        if (parts.Length < 2)
        {
            return false;
        }

        foreach (var part in parts)
        {
            if (part.Length == 0 || part[0] is < 'a' or > 'z')
            {
                return false;
            }

            foreach (var c in part)
            {
                if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
                {
                    return false;
                }
            }
        }

        return true;
    }
}
