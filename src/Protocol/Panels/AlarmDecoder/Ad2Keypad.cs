using System.Globalization;
using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Panels.AlarmDecoder;

/// <summary>
/// The keypad message. Bit field positions (AlarmDecoder protocol documentation): 1 READY, 2 ARMED AWAY,
/// 3 ARMED HOME, 4 BACKLIGHT, 5 PROGRAMMING, 6 BEEPS (0–7), 7 ZONE BYPASSED, 8 AC POWER, 9 CHIME,
/// 10 ALARM OCCURRED, 11 ALARM BELL, 12 BATTERY LOW, 13 ENTRY DELAY OFF, 14 FIRE, 15 CHECK ZONE,
/// 16 PERIMETER ONLY, 17 system-specific error (hex), 18 panel type (A Ademco, D DSC), 19–20 unused.
/// </summary>
internal static class Ad2Keypad
{
    private static readonly string[] FlagNames =
    [
        "ready", "armedAway", "armedHome", "backlight", "programming", string.Empty, "zoneBypassed", "acPower",
        "chime", "alarmOccurred", "alarmBell", "lowBattery", "entryDelayOff", "fire", "checkZone", "perimeterOnly",
    ];

    public static PanelDecodeResult Decode(string text)
    {
        // [20 flags],zone,[raw],"32 characters" — the alpha text may itself contain commas, so split only three times.
        var parts = text.Split(',', 4);
        if (parts.Length != 4 || parts[0].Length != 22 || parts[0][^1] != ']')
        {
            return PanelDecodeResult.Invalid("keypad message must be [20-char bit field],zone,[raw],\"text\"");
        }

        var bits = parts[0][1..21];
        for (var i = 0; i < 16; i++)
        {
            if (i == 5 ? !char.IsAsciiDigit(bits[i]) : bits[i] is not ('0' or '1'))
            {
                return PanelDecodeResult.Invalid($"bit field position {i + 1} is '{bits[i]}'");
            }
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var zone) || parts[1].Length > 3)
        {
            return PanelDecodeResult.Invalid("zone must be up to three digits");
        }

        if (parts[2].Length < 2 || parts[2][0] != '[' || parts[2][^1] != ']' || parts[3].Length < 2 || parts[3][0] != '"' || parts[3][^1] != '"')
        {
            return PanelDecodeResult.Invalid("raw data and alpha text must be bracketed and quoted");
        }

        var fields = new PanelFields().Add("type", "keypad").Add("bits", bits);
        for (var i = 0; i < 16; i++)
        {
            if (i == 5)
            {
                fields.Add("beeps", bits[i..(i + 1)]);
                continue;
            }

            fields.Add(FlagNames[i], bits[i] == '1');
        }

        fields.Add("systemError", bits[16..17]).Add("panelType", bits[17..18])
            .Add("zone", parts[1]).Add("raw", parts[2][1..^1]).Add("text", parts[3][1..^1]);
        var panel = PanelDeviceIds.Panel;
        var faults = new List<PanelFault>
        {
            new(FaultCodes.PanelAcLoss, bits[7] == '1' ? FaultState.Cleared : FaultState.Raised, panel),
            new(FaultCodes.PanelLowBattery, bits[11] == '1' ? FaultState.Raised : FaultState.Cleared, panel),
        };

        // CHECK ZONE names the zone in trouble; with it clear the message says nothing about any one zone.
        if (bits[14] == '1')
        {
            faults.Add(new(FaultCodes.ZoneTrouble, FaultState.Raised, PanelDeviceIds.Zone(zone)));
        }

        return PanelDecodeResult.Ok(fields, faults);
    }
}
