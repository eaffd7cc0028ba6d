using System.Globalization;
using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Panels.DscIt100;

/// <summary>
/// What IT-100 commands mean (IT-100 Developer's Guide, application commands 500–897) and which are maintenance faults.
/// Zone commands carry a partition digit before the zone (601–604) or the zone alone (605–610, 821/822).
/// </summary>
internal static class It100Events
{
    public static PanelDecodeResult Interpret(int command, string data, PanelFields fields)
    {
        var (name, shape) = Describe(command);
        fields.Add("event", name);
        var expectedLength = shape switch
        {
            Shape.None => 0,
            Shape.Partition => 1,
            Shape.Zone or Shape.Command or Shape.Code => 3,
            Shape.PartitionZone => 4,
            _ => -1,
        };
        if (expectedLength >= 0 && data.Length != expectedLength)
        {
            return PanelDecodeResult.Invalid($"command {command:D3} carries {expectedLength} data characters, got {data.Length}", fields);
        }

        var zone = 0;
        if (shape is Shape.Zone or Shape.PartitionZone)
        {
            if (!int.TryParse(data.AsSpan(data.Length - 3), NumberStyles.None, CultureInfo.InvariantCulture, out zone)
                || (shape == Shape.PartitionZone && !char.IsAsciiDigit(data[0])))
            {
                return PanelDecodeResult.Invalid("zone data must be digits", fields);
            }

            if (shape == Shape.PartitionZone)
            {
                fields.Add("partition", data[..1]);
            }

            fields.Add("zone", data[^3..]);
        }
        else if (shape == Shape.Partition)
        {
            fields.Add("partition", data);
        }
        else if (shape is Shape.Command)
        {
            fields.Add("acknowledgedCommand", data);
        }
        else if (shape is Shape.Code)
        {
            fields.Add("errorCode", data);
        }

        var fault = Fault(command, zone);
        return PanelDecodeResult.Ok(fields, fault is null ? null : [fault]);
    }

    private static PanelFault? Fault(int command, int zone)
    {
        var raised = FaultState.Raised;
        var cleared = FaultState.Cleared;
        var panel = PanelDeviceIds.Panel;
        var zoneId = PanelDeviceIds.Zone(zone);
        return command switch
        {
            603 => new(FaultCodes.ZoneTamper, raised, zoneId),
            604 => new(FaultCodes.ZoneTamper, cleared, zoneId),
            605 => new(FaultCodes.ZoneTrouble, raised, zoneId),
            606 => new(FaultCodes.ZoneTrouble, cleared, zoneId),
            800 => new(FaultCodes.PanelLowBattery, raised, panel),
            801 => new(FaultCodes.PanelLowBattery, cleared, panel),
            802 => new(FaultCodes.PanelAcLoss, raised, panel),
            803 => new(FaultCodes.PanelAcLoss, cleared, panel),
            806 or 896 => new(FaultCodes.PanelSystemTrouble, raised, panel),
            807 or 897 => new(FaultCodes.PanelSystemTrouble, cleared, panel),

            // 814 (failure to communicate) has no restore message; the next successful report clears it upstream.
            810 or 812 or 814 => new(FaultCodes.PanelCommFail, raised, panel),
            811 or 813 => new(FaultCodes.PanelCommFail, cleared, panel),
            821 => new(FaultCodes.ZoneLowBattery, raised, zoneId),
            822 => new(FaultCodes.ZoneLowBattery, cleared, zoneId),
            829 => new(FaultCodes.PanelTamper, raised, panel),
            830 => new(FaultCodes.PanelTamper, cleared, panel),

            // Fire trouble (842/843) names no zone, so it is a panel-level trouble.
            842 => new(FaultCodes.PanelSystemTrouble, raised, panel),
            843 => new(FaultCodes.PanelSystemTrouble, cleared, panel),

            // 840/841 (trouble LED) only summarise the troubles above; mapping them too would clear
            // a specific trouble the moment another one is fixed.
            _ => null,
        };
    }

    private static (string Name, Shape Shape) Describe(int command) => command switch
    {
        500 => ("command acknowledge", Shape.Command),
        501 => ("command error", Shape.None),
        502 => ("system error", Shape.Code),
        601 => ("zone alarm", Shape.PartitionZone),
        602 => ("zone alarm restore", Shape.PartitionZone),
        603 => ("zone tamper", Shape.PartitionZone),
        604 => ("zone tamper restore", Shape.PartitionZone),
        605 => ("zone fault", Shape.Zone),
        606 => ("zone fault restore", Shape.Zone),
        609 => ("zone open", Shape.Zone),
        610 => ("zone restored", Shape.Zone),
        800 => ("panel battery trouble", Shape.None),
        801 => ("panel battery trouble restore", Shape.None),
        802 => ("panel AC trouble", Shape.None),
        803 => ("panel AC restore", Shape.None),
        806 => ("system bell trouble", Shape.None),
        807 => ("system bell trouble restore", Shape.None),
        810 => ("TLM line 1 trouble", Shape.None),
        811 => ("TLM line 1 trouble restore", Shape.None),
        812 => ("TLM line 2 trouble", Shape.None),
        813 => ("TLM line 2 trouble restore", Shape.None),
        814 => ("FTC trouble", Shape.None),
        816 => ("buffer near full", Shape.None),
        821 => ("general device low battery", Shape.Zone),
        822 => ("general device low battery restore", Shape.Zone),
        829 => ("general system tamper", Shape.None),
        830 => ("general system tamper restore", Shape.None),
        840 => ("trouble status LED on", Shape.Partition),
        841 => ("trouble status LED off", Shape.Partition),
        842 => ("fire trouble alarm", Shape.None),
        843 => ("fire trouble alarm restore", Shape.None),
        896 => ("keybus fault", Shape.None),
        897 => ("keybus fault restore", Shape.None),
        _ => ("other", Shape.Any),
    };

    private enum Shape
    {
        Any,
        None,
        Partition,
        Zone,
        PartitionZone,
        Command,
        Code,
    }
}
