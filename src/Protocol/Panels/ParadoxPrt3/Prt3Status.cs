using AfterSales.Protocol.Faults;

namespace AfterSales.Protocol.Panels.ParadoxPrt3;

/// <summary>
/// Replies to the status requests. <c>RA001DOOOOOO</c>: arm state (D disarmed, A armed, F force, S stay, I instant)
/// then six flags — zone in memory M, trouble T, not ready N, programming P, alarm A, strobe S (O = off).
/// <c>RZ001COOOO</c>: zone state (C closed, O open, T tampered, F fire loop trouble) then alarm A, fire alarm F,
/// supervision lost S, low battery L (O = off). A zone reply is a full snapshot, so it clears what it does not raise.
/// </summary>
internal static class Prt3Status
{
    public static PanelDecodeResult Decode(string text)
    {
        if (!Prt3Codec.TryNumber(text, 2, out var number) || text.Length < 5)
        {
            return PanelDecodeResult.Invalid("status reply needs a three-digit area or zone");
        }

        if (text.Length == 5)
        {
            return PanelDecodeResult.Ok(new PanelFields().Add("type", text[..2] == "RA" ? "area status request" : "zone status request").Add("number", text[2..5]));
        }

        return text[1] == 'A' ? Area(text) : Zone(text, number);
    }

    private static PanelDecodeResult Area(string text)
    {
        if (text.Length != 12 || "DAFSI".IndexOf(text[5], StringComparison.Ordinal) < 0
            || !Flags(text, 6, "MTNPAS"))
        {
            return PanelDecodeResult.Invalid("area status reply must be RAnnn + state + six flags");
        }

        var fields = new PanelFields().Add("type", "area status").Add("area", text[2..5])
            .Add("state", text[5] switch { 'D' => "disarmed", 'A' => "armed", 'F' => "force armed", 'S' => "stay armed", _ => "instant armed" })
            .Add("alarmInMemory", text[6] == 'M')
            .Add("trouble", text[7] == 'T')
            .Add("notReady", text[8] == 'N')
            .Add("programming", text[9] == 'P')
            .Add("inAlarm", text[10] == 'A')
            .Add("strobe", text[11] == 'S');

        // The area trouble flag only summarises; the specific trouble arrives as a G036 event.
        return PanelDecodeResult.Ok(fields);
    }

    private static PanelDecodeResult Zone(string text, int number)
    {
        if (text.Length != 10 || "COTF".IndexOf(text[5], StringComparison.Ordinal) < 0 || !Flags(text, 6, "AFSL"))
        {
            return PanelDecodeResult.Invalid("zone status reply must be RZnnn + state + four flags");
        }

        var tampered = text[5] == 'T';
        var fireLoopTrouble = text[5] == 'F';
        var supervisionLost = text[8] == 'S';
        var lowBattery = text[9] == 'L';
        var fields = new PanelFields().Add("type", "zone status").Add("zone", text[2..5])
            .Add("state", text[5] switch { 'C' => "closed", 'O' => "open", 'T' => "tampered", _ => "fire loop trouble" })
            .Add("inAlarm", text[6] == 'A')
            .Add("fireAlarm", text[7] == 'F')
            .Add("supervisionLost", supervisionLost)
            .Add("lowBattery", lowBattery);
        var zone = PanelDeviceIds.Zone(number);
        PanelFault[] faults =
        [
            new(FaultCodes.ZoneTamper, tampered ? FaultState.Raised : FaultState.Cleared, zone),
            new(FaultCodes.ZoneTrouble, fireLoopTrouble || supervisionLost ? FaultState.Raised : FaultState.Cleared, zone),
            new(FaultCodes.ZoneLowBattery, lowBattery ? FaultState.Raised : FaultState.Cleared, zone),
        ];
        return PanelDecodeResult.Ok(fields, faults);
    }

    /// <summary>Each flag position holds its own letter when set and 'O' when not.</summary>
    private static bool Flags(string text, int start, string letters)
    {
        for (var i = 0; i < letters.Length; i++)
        {
            if (text[start + i] != letters[i] && text[start + i] != 'O')
            {
                return false;
            }
        }

        return true;
    }
}
