using AfterSales.Cloud.Inventory;
using AfterSales.Protocol.Faults;
using Microsoft.Extensions.Localization;

namespace AfterSales.Cloud.Inspections;

/// <summary>
/// Builds the inspection sheet point by point, device by device, item by item (逐点、逐台、逐项):
/// every active device of the inventory in its area, then the site-wide cabling and system checks.
/// Telemetry is written next to each device so the technician starts where the trouble was. Labels and
/// checks are stored as their English keys and read in each reader's language (<c>ReportFormat.Word</c>);
/// the telemetry line holds figures, so it is written once, in the language the builder is given
/// (the service company's, like the report the customer gets).
/// </summary>
public static class ChecklistBuilder
{
    private static readonly (string Label, string Check)[] CablingChecks =
    [
        ("Cable quality", "Sheaths intact, no crushing, water or rodent damage; cable runs secured and labelled"),
        ("Lightning protection and grounding", "Surge protectors in place and not tripped; earth bonding tight; earth resistance within spec"),
        ("Shielding", "Video and bus cable shields continuous and earthed at one end; no interference on the image"),
        ("Joints and terminations", "Connectors tight, dry and corrosion-free; junction boxes closed and sealed"),
    ];

    private static readonly (string Label, string Check)[] FunctionChecks =
    [
        ("Alarm end to end", "Trigger a test alarm: panel, siren and the monitoring centre all receive it within the expected time"),
        ("Video monitoring and switching", "Every camera shows live on the monitors; switching and multi-view work"),
        ("Recording and playback", "Play back the last 24 h on sampled channels; image clear, time stamps correct, retention as agreed"),
        ("Technical indicators", "Image resolution, video signal level and power supply voltages within their specifications"),
        ("Operation by the customer", "Staff can arm, disarm, view and export; passwords and user list up to date"),
    ];

    public static InspectionArea AreaOf(DeviceKind kind) => kind switch
    {
        DeviceKind.Zone or DeviceKind.Camera or DeviceKind.Ptz => InspectionArea.FrontEnd,
        DeviceKind.Panel or DeviceKind.Recorder or DeviceKind.Power or DeviceKind.Gateway => InspectionArea.CentralControl,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static string CheckFor(DeviceKind kind) => kind switch
    {
        DeviceKind.Zone => "Walk test: the detector triggers its zone; housing, tamper switch and mounting intact",
        DeviceKind.Camera => "Image clear and in focus, lens clean, housing sealed, time stamp correct",
        DeviceKind.Ptz => "Pan, tilt and zoom over the full range; presets return; decoder responds",
        DeviceKind.Panel => "Arm and disarm; every zone reports; AC and battery healthy; event log reviewed",
        DeviceKind.Recorder => "Recording on every channel; disk health and free space; playback clear",
        DeviceKind.Power => "Output voltage under load; battery backup holds; fuses and terminals sound",
        DeviceKind.Gateway => "Online; clock synchronised; inputs wired and labelled as in the config",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    public static List<InspectionItem> Build(IEnumerable<InventoryDevice> devices, IReadOnlyDictionary<string, DeviceTelemetry> telemetry, IStringLocalizer T)
    {
        ArgumentNullException.ThrowIfNull(T);
        ArgumentNullException.ThrowIfNull(devices);
        ArgumentNullException.ThrowIfNull(telemetry);
        var active = devices.Where(d => d.RetiredAt is null).ToList();
        var items = new List<InspectionItem>();
        foreach (var area in new[] { InspectionArea.FrontEnd, InspectionArea.CentralControl })
        {
            foreach (var device in active.Where(d => AreaOf(d.Kind) == area).OrderBy(d => d.Kind).ThenBy(d => d.DeviceId, StringComparer.Ordinal))
            {
                telemetry.TryGetValue(device.DeviceId, out var seen);
                items.Add(new InspectionItem
                {
                    Area = area,
                    DeviceId = device.DeviceId,
                    Label = device.Label,
                    Check = CheckFor(device.Kind),
                    Prefill = seen is null ? T["No faults reported"] : Describe(seen, T),
                    Flagged = seen is not null && (seen.Faults > 0 || seen.ClockDriftFaults > 0),
                });
            }
        }

        items.AddRange(CablingChecks.Select(c => new InspectionItem { Area = InspectionArea.Cabling, Label = c.Label, Check = c.Check }));
        items.AddRange(FunctionChecks.Select(c => new InspectionItem { Area = InspectionArea.SystemFunctions, Label = c.Label, Check = c.Check }));

        // The sheet follows the regulations' order: front-end, cabling, central control, functions.
        var ordered = items.OrderBy(i => i.Area).ToList();
        for (var i = 0; i < ordered.Count; i++)
        {
            ordered[i].Position = i + 1;
        }

        return ordered;
    }

    private static string Describe(DeviceTelemetry t, IStringLocalizer T)
    {
        var parts = new List<string>
        {
            T["Availability {0:0.00} %", t.Availability * 100],
            t.Faults switch { 0 => T["no faults"], 1 => T["1 fault"], var n => T["{0} faults", n] },
        };
        if (t.ClockDriftFaults > 0)
        {
            parts.Add(T["clock drift reported {0}×", t.ClockDriftFaults]);
        }

        return string.Join(" · ", parts);
    }
}
